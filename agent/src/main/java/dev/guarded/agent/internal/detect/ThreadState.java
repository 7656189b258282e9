package dev.guarded.agent.internal.detect;

/**
 * The detector's state for one thread: its slot, vector clock, current epoch, held locks, and the
 * re-entrancy flag. Mutated only by its own thread (creation by the starting parent and reading after death
 * are ordered by thread start/termination).
 */
final class ThreadState {

    final int tid;
    final VectorClock clock;
    final ThreadInfo info;
    final HeldLocks held = new HeldLocks();
    /** The current epoch {@code own@tid}, cached for the access fast path. */
    long epoch;
    /** True while the detector runs on this thread: hook calls it causes return at once. */
    boolean busy;
    /** Set once (under the slot allocator's monitor) when the slot was handed back. */
    boolean retired;

    ThreadState(int tid, VectorClock clock, ThreadInfo info) {
        this.tid = tid;
        this.clock = clock;
        this.info = info;
        this.epoch = Epoch.make(tid, clock.own());
    }

    /** @return whether the access at {@code epoch} happens-before this thread's current point */
    boolean knows(long e) {
        return Epoch.clock(e) <= clock.get(Epoch.tid(e));
    }

    /** Starts a new epoch (after a release). */
    void tick() {
        clock.tick();
        epoch = Epoch.make(tid, clock.own());
    }
}
