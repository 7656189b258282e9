package dev.guarded.agent.internal.detect;

import dev.guarded.report.Frame;
import java.util.List;

/**
 * What reports say about a thread: its name and where it was started. Kept by shadow records of the
 * thread's last accesses, so it must stay small and must not reference the {@link Thread} (which may die).
 */
final class ThreadInfo {

    private volatile String name;
    final List<Frame> started;
    /**
     * The locks the thread held from an epoch on, for the last {@link #LOG} changes: {@code logEpochs[i]} is the
     * first epoch with {@code logLocks[i]}. A thread's held set never changes within one epoch (a change starts
     * a new one), so the entry for an epoch is exact while it is in the log. Written by the thread only; read
     * racily by reporters, who may see an older, still correct, log.
     */
    private static final int LOG = 8;
    private final long[] logEpochs = new long[LOG];
    private final LockRef[][] logLocks = new LockRef[LOG][];
    private volatile int logged;
    private LockRef[] lastLogged;

    ThreadInfo(String name, List<Frame> started) {
        this.name = name;
        this.started = started;
    }

    /** The display name: the thread's name, or {@code virtual-#<id>}/{@code thread-#<id>} when it has none. */
    @SuppressWarnings("deprecation")
    static String nameOf(Thread t) {
        String n = t.getName();
        if (n != null && !n.isEmpty()) {
            return n;
        }
        boolean virtual = t.getClass().getName().equals("java.lang.VirtualThread");
        return (virtual ? "virtual-#" : "thread-#") + t.getId();
    }

    /** Notes the locks held from {@code epoch} on, when they differ from the last noted set. Owning thread only. */
    void noteLocks(long epoch, LockRef[] held) {
        if (held == lastLogged && logged > 0) {
            return;
        }
        lastLogged = held;
        int n = logged;
        logEpochs[n % LOG] = epoch;
        logLocks[n % LOG] = held;
        logged = n + 1;
    }

    /** @return the locks held at the access made at {@code epoch}, or null when no longer known */
    LockRef[] locksAt(long epoch) {
        int n = logged;
        long clock = Epoch.clock(epoch);
        for (int k = n - 1; k >= Math.max(0, n - LOG); k--) {
            if (Epoch.clock(logEpochs[k % LOG]) <= clock) {
                return logLocks[k % LOG];
            }
        }
        return null;
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        name = newName;
    }
}
