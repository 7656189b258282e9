package dev.guarded.agent.internal.detect;

import dev.guarded.report.Frame;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Agent frames above a thread start's caller (hook, detector, registry), fetched and skipped. */
    private static final int AGENT_FRAMES = 8;
    /** Most frames the first batch of a start-stack walk fetches; later batches follow as the walk needs. */
    private static final int MAX_FIRST_BATCH = 64;

    private final ConcurrentHashMap<CallPath, List<Frame>> interned = new ConcurrentHashMap<>();
    private final int startDepth;
    /**
     * Walks start stacks in one batch: a walker fetches frames in batches and makes a frame object for every
     * slot of a batch, used or not, and its default first batches are small, so the walk of a start stack
     * (depth, slack and the agent's frames, about 32) made and resized several. With the iterator below, a
     * start stack 26 frames deep allocates 2.4–2.6 KB instead of 3.7–3.9 KB (thread allocation counters,
     * 20,000 captures; JDK 25).
     */
    private final StackWalker startWalker;

    /** @param startDepth the depth {@link #captureInterned} is asked for (reports' stack depth) */
    StackCapture(int startDepth) {
        this.startDepth = startDepth;
        // capped: with stacks=1024 a first batch that large would make a thousand frame objects per start
        this.startWalker = StackWalker.getInstance(java.util.Set.of(),
                Math.min(startDepth + JDK_SLACK + AGENT_FRAMES, MAX_FIRST_BATCH));
    }

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
     * code that started the thread. Shared with earlier captures from the same call path.
     *
     * <p>A program may start a million threads from one loop, so the frames are looked up by a cheap key
     * first: each walked frame's class, method and bytecode index, which the walk has at hand. Only a new key
     * pays for line numbers and file names (a {@code StackTraceElement} per frame) and for the list.
     */
    List<Frame> captureInterned() {
        int depth = startDepth;
        // An iterator, not a filter/limit/toArray pipeline, whose stages and buffers are allocated per walk:
        // thread starts are frequent (virtual threads, tasks of a fresh pool).
        StackWalker.StackFrame[] walked = startWalker.walk(s -> {
            StackWalker.StackFrame[] out = new StackWalker.StackFrame[depth + JDK_SLACK];
            int n = 0;
            for (java.util.Iterator<StackWalker.StackFrame> it = s.iterator(); n < out.length && it.hasNext(); ) {
                StackWalker.StackFrame f = it.next();
                if (!f.getClassName().startsWith(AGENT_PREFIX)) {
                    out[n++] = f;
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        });
        CallPath path = new CallPath(walked, depth);
        List<Frame> known = interned.get(path);
        if (known != null) {
            return known;
        }
        List<Frame> all = new ArrayList<>(walked.length);
        for (StackWalker.StackFrame f : walked) {
            all.add(new Frame(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()));
        }
        List<Frame> frames = trimLeadingJdk(all, depth);
        if (interned.size() >= MAX_INTERNED) {
            return frames;
        }
        known = interned.putIfAbsent(path, frames);
        return known != null ? known : frames;
    }

    /** @return how many distinct start call paths are interned (tests) */
    int internedCount() {
        return interned.size();
    }

    /**
     * The key of a start stack: per walked frame its class name, method name and bytecode index (which fix
     * the line), and the depth asked for. Holds names only, never a {@code Class}, so it keeps no class
     * loader alive.
     */
    private static final class CallPath {

        private final String[] classes;
        private final String[] methods;
        private final int[] bcis;
        private final int depth;
        private final int hash;

        CallPath(StackWalker.StackFrame[] frames, int depth) {
            int n = frames.length;
            classes = new String[n];
            methods = new String[n];
            bcis = new int[n];
            int h = depth;
            for (int i = 0; i < n; i++) {
                StackWalker.StackFrame f = frames[i];
                classes[i] = f.getClassName();
                methods[i] = f.getMethodName();
                bcis[i] = f.getByteCodeIndex();
                h = 31 * (31 * (31 * h + classes[i].hashCode()) + methods[i].hashCode()) + bcis[i];
            }
            this.depth = depth;
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CallPath p && p.hash == hash && p.depth == depth && Arrays.equals(p.bcis, bcis)
                    && Arrays.equals(p.methods, methods) && Arrays.equals(p.classes, classes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
