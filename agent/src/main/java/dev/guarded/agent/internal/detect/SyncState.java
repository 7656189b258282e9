package dev.guarded.agent.internal.detect;

/**
 * The clock of one happens-before channel (a monitor, a lock, a volatile field, a future...). Release joins
 * the releasing thread's clock in and ticks the thread; acquire joins this clock into the acquiring thread.
 *
 * <p>{@code dom} is an epoch {@code c@u} such that this clock is below u's clock at {@code c}, or 0 when no
 * such epoch is known. It makes the common cases O(1): a thread that already knows {@code dom} needs no join
 * (lock-free check, the volatile read orders it after the release that set it), and a release by a thread
 * that knows it replaces the clock by a shared copy instead of joining.
 */
final class SyncState {

    /** Never handed out (acquirers join it under the monitor), so releases update it in place. */
    private VectorClock clock;
    private volatile long dom;
    /**
     * Guarded by the monitor: whether a thread other than the last releaser joined the clock since that release
     * (see {@link #retractRelease}). Joins that skip the monitor need not set it: a thread can only know the
     * releaser's epoch already by having learned it here, through the monitor, or from someone who did.
     */
    private boolean joinedByOthers;
    /**
     * In {@code hybrid} mode, the join of the transfer clocks ({@link ThreadState#transfers}) released here;
     * null until then. Every release feeds it (whatever the edge, the releasing thread published what it
     * knows); only a transfer acquire reads it.
     */
    private VectorClock transfers;

    /** A transfer acquire: the happens-before join and, in {@code hybrid} mode, the transfer clock's. */
    void acquire(ThreadState t) {
        if (t.transfers != null) {
            synchronized (this) {
                if (transfers != null) {
                    t.joinTransfers(transfers);
                }
            }
        }
        acquireIncidental(t);
    }

    /**
     * An incidental acquire (a lock taken, a counter incremented): it orders the thread after the release in
     * this run, but the program did not wait for it, so the transfer clock learns nothing.
     */
    void acquireIncidental(ThreadState t) {
        long d = dom;
        if (d != Epoch.NONE && t.knows(d)) {
            return;
        }
        synchronized (this) {
            if (clock != null) {
                // Never the last releaser: it knows its own release and returned above.
                joinedByOthers = true;
                t.join(clock);
            }
        }
    }

    void release(ThreadState t) {
        synchronized (this) {
            joinedByOthers = false;
            VectorClock c = clock;
            long d = dom;
            if (c == null || (d != Epoch.NONE && t.knows(d)) || c.leq(t.clock)) {
                if (c == null) {
                    clock = t.clock.frozenCopy();
                } else if (Epoch.tid(d) != t.tid || d == Epoch.NONE || !c.refreshFrom(t.clock)) {
                    c.assign(t.clock);
                }
                dom = t.epoch;
            } else {
                c.joinFrom(t.clock);
                c.detachOwner();
                dom = Epoch.NONE;
            }
            if (t.transfers != null) {
                VectorClock x = t.syncedTransfers();
                if (transfers == null) {
                    transfers = x.frozenCopy();
                } else {
                    transfers.joinFrom(x);
                    transfers.detachOwner();
                }
            }
        }
        t.released();
    }

    /**
     * The thread in {@code epoch} released this lock at that epoch and has taken it again, with nothing in between
     * on its side: takes its own epoch back out of the clock ({@code c@t} becomes {@code c-1@t}), so that it may go
     * on in that epoch. Allowed only while nobody but the releaser joined the clock since that release: then no
     * one learned the epoch, and anyone who reads the clock before the thread's next release here (only possible
     * for a key that is also some other kind of sync object: a lock's own acquirers wait for the release) learns
     * what the thread knew at the release, but not the epoch it goes on in. The next release publishes that
     * epoch, after every access made in it. Not in {@code hybrid} mode, whose transfer clock is not taken back.
     *
     * @return whether the release was taken back
     */
    synchronized boolean retractRelease(ThreadState t) {
        long epoch = t.epoch;
        if (dom != epoch || joinedByOthers || clock == null || transfers != null) {
            return false;
        }
        return clock.retractOwner(Epoch.tid(epoch), Epoch.clock(epoch), t);
    }

    /** @return whether anything was ever released here */
    synchronized boolean everReleased() {
        return clock != null;
    }

    /** @return a copy of the clock for tests and diagnostics, or null */
    synchronized VectorClock snapshot() {
        return clock == null ? null : clock.frozenCopy();
    }
}
