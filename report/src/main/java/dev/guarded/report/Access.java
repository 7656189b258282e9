package dev.guarded.report;

import java.util.List;

/**
 * One side of a race: who accessed the location, how, where, holding which locks. Immutable.
 *
 * @param op      {@code "read"} or {@code "write"}
 * @param thread  the thread's name as the report shows it
 * @param locks   the locks held at the access, as {@code class@identityHash} strings (empty when none)
 * @param frames  the access's stack, innermost first; for a previous access often just its site
 * @param started where the thread was started, innermost first (empty when unknown, e.g. the main thread)
 * @param method  for a call on a JDK object (a race on {@code java.util.HashMap}), the method called, such as
 *                {@code put}; null for field and array accesses
 */
public record Access(String op, String thread, List<String> locks, List<Frame> frames, List<Frame> started,
                     String method) {

    /** An access to a field or an array element (no method). */
    public Access(String op, String thread, List<String> locks, List<Frame> frames, List<Frame> started) {
        this(op, thread, locks, frames, started, null);
    }

    /** Copies the lists, so an access never changes after construction. */
    public Access {
        locks = List.copyOf(locks);
        frames = List.copyOf(frames);
        started = List.copyOf(started);
    }

    /** @return the innermost frame, or null when the stack is empty */
    public Frame site() {
        return frames.isEmpty() ? null : frames.get(0);
    }
}
