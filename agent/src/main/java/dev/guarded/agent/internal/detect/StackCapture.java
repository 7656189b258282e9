package dev.guarded.agent.internal.detect;

import dev.guarded.report.Frame;
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
    /** Extra frames walked for start stacks, so dropping the JDK's frames still leaves {@code depth}. */
    private static final int JDK_SLACK = 8;

    private final ConcurrentHashMap<List<Frame>, List<Frame>> interned = new ConcurrentHashMap<>();

    /** @return at most {@code depth} frames, starting at the first non-JDK frame when there is one */
    static List<Frame> trimLeadingJdk(List<Frame> all, int depth) {
        int first = 0;
        while (first < all.size() && isJdk(all.get(first).className())) {
            first++;
        }
        if (first == all.size()) {
            first = 0;
        }
        return List.copyOf(all.subList(first, Math.min(all.size(), first + depth)));
    }

    static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("javax.");
    }

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

    /** @return up to {@code depth} frames of a throwable's backtrace, innermost first, agent frames dropped */
    static List<Frame> frames(Throwable captured, int depth) {
        List<Frame> out = new ArrayList<>(depth);
        for (StackTraceElement e : captured.getStackTrace()) {
            if (out.size() == depth) {
                break;
            }
            if (!e.getClassName().startsWith(AGENT_PREFIX)) {
                out.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The stack of a thread start: the JDK's own frames on top ({@code Thread.start}, a thread builder, an
     * executor's worker creation) are dropped when application frames follow, so the report points at the
     * code that started the thread. Shared with earlier identical captures.
     */
    List<Frame> captureInterned(int depth) {
        List<Frame> frames = trimLeadingJdk(capture(depth + JDK_SLACK), depth);
        if (interned.size() >= MAX_INTERNED) {
            return frames;
        }
        List<Frame> known = interned.putIfAbsent(frames, frames);
        return known != null ? known : frames;
    }
}
