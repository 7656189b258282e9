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
    /**
     * False while the clock is exactly its value at the last release plus the tick: then anyone who knows
     * that release knows this whole clock but the own entry (makes joining a dead thread O(log n)).
     */
    boolean joinedSinceRelease = true;
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

    /** Joins {@code other} into this thread's clock (an acquire). */
    void join(VectorClock other) {
        if (clock.joinFrom(other)) {
            joinedSinceRelease = true;
        }
    }

    /**
     * Acquires the final clock of a thread that terminated. When that thread did nothing but tick since its
     * last release and this thread knows that release, only its own entry is new.
     */
    void joinTerminated(ThreadState dead) {
        if (knows(dead.epoch)) {
            return;
        }
        long own = dead.clock.own();
        if (!dead.joinedSinceRelease && clock.get(dead.tid) >= own - 1) {
            clock.set(dead.tid, own);
            joinedSinceRelease = true;
        } else {
            join(dead.clock);
        }
    }

    /** Starts a new epoch (after a release). */
    void tick() {
        joinedSinceRelease = false;
        clock.tick();
        epoch = Epoch.make(tid, clock.own());
    }
}
