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
 */
public record Access(String op, String thread, List<String> locks, List<Frame> frames, List<Frame> started) {

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
