package dev.guarded.agent.internal.detect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The clock of one happens-before channel (a monitor, a lock, a volatile field, a future...). Release joins
 * the releasing thread's clock in and ticks the thread; acquire joins this clock into the acquiring thread.
 *
 * <p>The state word holds {@code dom}, an epoch {@code c@u} such that this clock is below u's clock at
 * {@code c}, or 0 when no such epoch is known. It makes the common cases O(1): a thread that already knows
 * {@code dom} needs no join (lock-free check, the volatile read orders it after the release that set it), and
 * a release by a thread that knows it replaces the clock by a shared copy instead of joining.
 *
 * <p>The word's sign bit ({@link #LOCKED}, never set in an epoch) is this state's lock: taken by one
 * compare-and-set, dropped by the store that publishes the new {@code dom}, held for a few clock updates and
 * never while calling out. A monitor cost two more atomic updates per section, and a lock taken and released
 * by one thread again and again (the hottest synchronization there is) runs two sections per round, both
 * inside the program's own critical section, where every nanosecond makes the lock's other waiters park. For
 * the clock of a JDK exclusive lock the program's lock does the bit's work ({@link #release(ThreadState, boolean)}).
 */
final class SyncState {

    private static final long LOCKED = Long.MIN_VALUE;
    /** Busy-wait rounds before a waiter yields its processor to the holder (which may not be running). */
    private static final int SPINS = 64;
    /**
     * Yields after which a waiter takes the lock anyway. A holder updates a few fields and joins clocks (O(their
     * difference)), far less than this many rounds of the scheduler; a bit left set with no holder can only
     * come from an asynchronous exception ({@code Thread.stop} on JDK 17) that hit its thread between the
     * compare-and-set and the {@code try} whose {@code finally} would have cleared it, when nothing was changed
     * yet. Waiting for ever would hang every thread that uses this clock.
     */
    private static final int YIELDS = 100_000;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SyncState.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code dom}, with {@link #LOCKED} while a thread updates the fields below. */
    private volatile long state;
    /** Never handed out (acquirers join it under the lock), so releases update it in place. */
    private VectorClock clock;
    /**
     * Guarded by the lock: whether a thread other than the last releaser joined the clock since that release
     * (see {@link #retractRelease}). Joins that skip the lock need not set it: a thread can only know the
     * releaser's epoch already by having learned it here, under the lock, or from someone who did.
     */
    private boolean joinedByOthers;
    /**
     * In {@code hybrid} mode, the join of the transfer clocks ({@link ThreadState#transfers}) released here;
     * null until then. Every release feeds it (whatever the edge, the releasing thread published what it
     * knows); only a transfer acquire reads it.
     */
    private VectorClock transfers;

    /**
     * Takes the lock, waiting while another thread holds it (every section unlocks in a {@code finally}; see
     * {@link #YIELDS} for the one way a bit can be left behind).
     *
     * @return {@code dom} as the lock found it
     */
    long lock() {
        for (int rounds = 0; ; rounds++) {
            long s = state;
            if (s >= 0 && STATE.compareAndSet(this, s, s | LOCKED)) {
                return s;
            }
            if (rounds < SPINS) {
                Thread.onSpinWait();
            } else if (rounds < SPINS + YIELDS) {
                Thread.yield();
            } else if (s < 0) {
                return s & ~LOCKED;   // no holder (see YIELDS): the bit stays set, now for this thread
            }
        }
    }

    /**
     * Takes the lock only if the word holds exactly {@code dom} (unlocked): one compare-and-set, never a wait.
     *
     * @return whether the lock was taken
     */
    boolean tryLock(long dom) {
        return dom >= 0 && state == dom && STATE.compareAndSet(this, dom, dom | LOCKED);
    }

    /** Drops the lock, publishing {@code dom}: a release store, which the next lock's CAS or volatile read acquires. */
    void unlock(long dom) {
        STATE.setRelease(this, dom);
    }

    /** A transfer acquire: the happens-before join and, in {@code hybrid} mode, the transfer clock's. */
    void acquire(ThreadState t) {
        if (t.transfers != null) {
            long d = lock();
            try {
                if (transfers != null) {
                    t.joinTransfers(transfers);
                }
            } finally {
                unlock(d);
            }
        }
        acquireIncidental(t);
    }

    /**
     * An incidental acquire (a lock taken, a counter incremented): it orders the thread after the release in
     * this run, but the program did not wait for it, so the transfer clock learns nothing.
     */
    void acquireIncidental(ThreadState t) {
        long d = state & ~LOCKED;   // a release under way is not yet ordered before this acquire: dom before it will do
        if (d != Epoch.NONE && t.knows(d)) {
            return;
        }
        d = lock();
        try {
            if (clock != null) {
                // Never the last releaser: it knows its own release and returned above.
                joinedByOthers = true;
                t.join(clock);
            }
        } finally {
            unlock(d);
        }
    }

    void release(ThreadState t) {
        release(t, false);
    }

    /**
     * A release; {@code exclusive} when the caller holds a JDK exclusive lock whose every release and acquire of
     * this state is made by its holder or, for a write lock, by a reader while no writer holds it (see
     * {@link dev.guarded.agent.hook.HookListener#exclusiveLockAcquired}). The program's lock then keeps this
     * section apart from every other, and orders it before the next, so it runs without taking the lock bit:
     * the word is only read, and written once at the end with the new {@code dom}. A lock taken and released by
     * one thread again and again then costs no atomic update here. Should the bit be set anyway, the section
     * waits for it as any other would.
     */
    void release(ThreadState t, boolean exclusive) {
        long s = state;
        long d = exclusive && s >= 0 ? s : lock();
        long next = Epoch.NONE;   // if this section fails half-way, no epoch claims to dominate the clock
        try {
            joinedByOthers = false;
            VectorClock c = clock;
            if (c == null || (d != Epoch.NONE && t.knows(d)) || c.leq(t.clock)) {
                if (c == null) {
                    clock = t.clock.frozenCopy();
                } else if (Epoch.tid(d) != t.tid || d == Epoch.NONE || !c.refreshFrom(t.clock)) {
                    c.assign(t.clock);
                }
                next = t.epoch;
            } else {
                c.joinFrom(t.clock);
                c.detachOwner();
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
        } finally {
            unlock(next);
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
     * <p>Never waits: it only takes the lock from the state its own release left (one compare-and-set; none when
     * {@code exclusive}, as for {@link #release(ThreadState, boolean)}), and declining is always allowed (the
     * thread then starts a new epoch).
     *
     * @return whether the release was taken back
     */
    boolean retractRelease(ThreadState t, boolean exclusive) {
        long epoch = t.epoch;
        if (exclusive) {
            return state == epoch && retractOwn(t, epoch);   // the word is not written: nothing took the bit
        }
        if (!tryLock(epoch)) {
            return false;
        }
        try {
            return retractOwn(t, epoch);
        } finally {
            unlock(epoch);
        }
    }

    /** {@link #retractRelease}'s rule, on a state nobody else can touch meanwhile. */
    private boolean retractOwn(ThreadState t, long epoch) {
        return !joinedByOthers && clock != null && transfers == null
                && clock.retractOwner(Epoch.tid(epoch), Epoch.clock(epoch), t);
    }

    /** @return whether anything was ever released here */
    boolean everReleased() {
        long d = lock();
        try {
            return clock != null;
        } finally {
            unlock(d);
        }
    }

    /** @return a copy of the clock for tests and diagnostics, or null */
    VectorClock snapshot() {
        long d = lock();
        try {
            return clock == null ? null : clock.frozenCopy();
        } finally {
            unlock(d);
        }
    }
}
