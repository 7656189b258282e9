package dev.guarded.agent.internal.detect;

import dev.guarded.report.Frame;
import java.util.List;

/**
 * What reports say about a thread: its name and where it was started. Kept by shadow records of the
 * thread's last accesses and by the registry's slot history after the thread is gone, so it must stay small
 * and must not reference the {@link Thread} (which may die).
 *
 * <p>Sized for a million parked virtual threads: an unnamed thread keeps its id instead of a display string
 * (built only when a report asks), and the held-lock log is allocated at the first lock the thread takes.
 */
final class ThreadInfo {

    /** The display name, or null while the thread is unnamed (then {@link #unnamedId} makes it on demand). */
    private volatile String name;
    /** For an unnamed thread: its {@code Thread} id, negated for a virtual thread (ids are positive). */
    private final long unnamedId;
    final List<Frame> started;
    /**
     * The first clock value its slot used for this thread: epochs of that slot from this value on are this
     * thread's, until the slot's next occupant ({@link ThreadRegistry#infoOf}). Set once, before publication.
     */
    long firstClock;
    /**
     * The locks the thread held from an epoch on, for the last {@link #LOG} changes: each entry is an epoch and
     * the set held from that epoch on. A thread's held set never changes
     * within one epoch (a change starts a new one), so the entry for an epoch is exact while it is in the log.
     * Written by the thread only; read racily by reporters, who may see an older, still correct, log.
     *
     * <p>Most threads never change their held set (they hold nothing throughout), so the first entry lives in
     * two fields and the ring of {@link #LOG} entries is allocated at the second one.
     */
    private static final int LOG = 8;
    private long firstEpoch;
    private LockRef[] firstLocks;
    /** The ring of the last {@link #LOG} entries, from the second entry on (the first is copied into it). */
    private LockLog ring;
    /** Entries noted so far; its volatile write publishes each entry to racy readers. */
    private volatile int logged;

    /** The held-lock log of a thread whose held set changed: entry {@code k} at index {@code k % LOG}. */
    private static final class LockLog {
        final long[] epochs = new long[LOG];
        final LockRef[][] locks = new LockRef[LOG][];
    }

    ThreadInfo(String name, List<Frame> started) {
        this(name, 0L, started);
    }

    private ThreadInfo(String name, long unnamedId, List<Frame> started) {
        this.name = name;
        this.unnamedId = unnamedId;
        this.started = started;
    }

    /** @return the info of {@code thread}, named lazily when it has no name of its own */
    @SuppressWarnings("deprecation")
    static ThreadInfo of(Thread thread, List<Frame> started) {
        String n = thread.getName();
        if (n != null && !n.isEmpty()) {
            return new ThreadInfo(n, 0L, started);
        }
        long id = thread.getId();
        return new ThreadInfo(null, isVirtual(thread) ? -id : id, started);
    }

    /** @return the info of a task run on the thread {@code on} describes: that thread's name, no start stack */
    static ThreadInfo taskOn(ThreadInfo on) {
        return new ThreadInfo(on.name, on.unnamedId, List.of());
    }

    /** The display name: the thread's name, or {@code virtual-#<id>}/{@code thread-#<id>} when it has none. */
    @SuppressWarnings("deprecation")
    static String nameOf(Thread t) {
        String n = t.getName();
        if (n != null && !n.isEmpty()) {
            return n;
        }
        return unnamed(isVirtual(t) ? -t.getId() : t.getId());
    }

    private static boolean isVirtual(Thread t) {
        return t.getClass().getName().equals("java.lang.VirtualThread");
    }

    private static String unnamed(long id) {
        return id < 0 ? "virtual-#" + -id : "thread-#" + id;
    }

    /** Notes the locks held from {@code epoch} on, when they differ from the last noted set. Owning thread only. */
    void noteLocks(long epoch, LockRef[] held) {
        int n = logged;
        if (n == 0) {
            firstEpoch = epoch;
            firstLocks = held;
        } else {
            LockLog log = ring;
            LockRef[] last = log == null ? firstLocks : log.locks[(n - 1) % LOG];
            if (held == last) {
                return;
            }
            if (log == null) {
                log = new LockLog();
                log.epochs[0] = firstEpoch;
                log.locks[0] = firstLocks;
                ring = log;
            }
            log.epochs[n % LOG] = epoch;
            log.locks[n % LOG] = held;
        }
        logged = n + 1;
    }

    /** @return the locks held at the access made at {@code epoch}, or null when no longer known */
    LockRef[] locksAt(long epoch) {
        // The volatile read of logged orders every entry it counts (and the ring, once it exists) before us.
        int n = logged;
        long clock = Epoch.clock(epoch);
        if (n <= 1) {
            return n == 1 && Epoch.clock(firstEpoch) <= clock ? firstLocks : null;
        }
        LockLog log = ring;
        for (int k = n - 1; k >= Math.max(0, n - LOG); k--) {
            if (Epoch.clock(log.epochs[k % LOG]) <= clock) {
                return log.locks[k % LOG];
            }
        }
        return null;
    }

    /** @return whether the ring of held-lock entries was allocated (the held set changed); for tests */
    boolean hasLockRing() {
        return ring != null;
    }

    String name() {
        String n = name;
        return n != null ? n : unnamed(unnamedId);
    }

    void rename(String newName) {
        if (!newName.equals(name())) {
            name = newName;
        }
    }
}
