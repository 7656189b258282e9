package dev.guarded.agent.internal.detect;

import dev.guarded.agent.report.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Captures the caller's stack without the agent's own frames. Thread start stacks are interned: a million
 * threads started from one loop share one list.
 */
final class StackCapture {

    private static final String AGENT_PREFIX = "dev.guarded.agent.";
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final int MAX_INTERNED = 10_000;

    private final ConcurrentHashMap<List<Frame>, List<Frame>> interned = new ConcurrentHashMap<>();

    /** @return up to {@code depth} frames of the current thread, innermost first, agent frames dropped */
    static List<Frame> capture(int depth) {
        List<Frame> frames = WALKER.walk(s -> {
            List<Frame> out = new ArrayList<>(depth);
            s.filter(f -> !f.getClassName().startsWith(AGENT_PREFIX))
                    .limit(depth)
                    .forEach(f -> out.add(new Frame(f.getClassName(), f.getMethodName(), f.getFileName(),
                            f.getLineNumber())));
            return out;
        });
        return Collections.unmodifiableList(frames);
    }

    /** @return the captured stack, shared with earlier identical captures */
    List<Frame> captureInterned(int depth) {
        List<Frame> frames = capture(depth);
        if (interned.size() >= MAX_INTERNED) {
            return frames;
        }
        List<Frame> known = interned.putIfAbsent(frames, frames);
        return known != null ? known : frames;
    }
}
