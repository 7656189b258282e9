package dev.guarded.agent.internal.detect;

/**
 * FastTrack's read vector clock for a location that genuinely concurrent readers share: the last read epoch
 * of each reading slot, with its site, thread and locks for reports. An open-addressing table keyed by slot.
 * Mutated only under the owning {@link VarState}'s monitor; {@link #epochOf} may be called without it (the
 * epochs array is one object, so a racy reader sees a consistent epoch, possibly stale, never another
 * thread's entry disguised as its own).
 */
final class ReadSet {

    // Four entries to start: most shared locations are read by two or three threads, and a read set exists per
    // read-shared element of an array, so its size is most of the detector's memory on such arrays.
    private volatile long[] epochs = new long[4];
    private int[] sites = new int[4];
    private ThreadInfo[] infos = new ThreadInfo[4];
    /** Locks held at each read, allocated at the first read that names some. */
    private LockRef[][] locks;
    private int size;

    /** @return this slot's last read epoch, or 0 */
    long epochOf(int tid) {
        long[] e = epochs;
        int mask = e.length - 1;
        for (int i = hash(tid) & mask; ; i = (i + 1) & mask) {
            long x = e[i];
            if (x == Epoch.NONE || Epoch.tid(x) == tid) {
                return x;
            }
        }
    }

    void put(long epoch, int site, ThreadInfo info, LockRef[] held) {
        if ((size + 1) * 2 > epochs.length) {
            grow();
        }
        long[] e = epochs;
        int mask = e.length - 1;
        int tid = Epoch.tid(epoch);
        for (int i = hash(tid) & mask; ; i = (i + 1) & mask) {
            if (e[i] == Epoch.NONE || Epoch.tid(e[i]) == tid) {
                if (e[i] == Epoch.NONE) {
                    size++;
                }
                sites[i] = site;
                infos[i] = info;
                if (held != null && locks == null) {
                    locks = new LockRef[e.length][];
                }
                if (locks != null) {
                    locks[i] = held;
                }
                e[i] = epoch;
                return;
            }
        }
    }

    /** @return index of the first read not known to {@code t}, or -1 when all happen-before it */
    int firstUnordered(ThreadState t) {
        long[] e = epochs;
        for (int i = 0; i < e.length; i++) {
            if (e[i] != Epoch.NONE && !t.knows(e[i])) {
                return i;
            }
        }
        return -1;
    }

    long epochAt(int i) {
        return epochs[i];
    }

    int siteAt(int i) {
        return sites[i];
    }

    ThreadInfo infoAt(int i) {
        return infos[i];
    }

    LockRef[] locksAt(int i) {
        return locks == null ? null : locks[i];
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldE = epochs;
        int[] oldS = sites;
        ThreadInfo[] oldI = infos;
        LockRef[][] oldL = locks;
        int n = oldE.length * 2;
        long[] e = new long[n];
        sites = new int[n];
        infos = new ThreadInfo[n];
        locks = oldL == null ? null : new LockRef[n][];
        for (int k = 0; k < oldE.length; k++) {
            if (oldE[k] != Epoch.NONE) {
                for (int i = hash(Epoch.tid(oldE[k])) & (n - 1); ; i = (i + 1) & (n - 1)) {
                    if (e[i] == Epoch.NONE) {
                        e[i] = oldE[k];
                        sites[i] = oldS[k];
                        infos[i] = oldI[k];
                        if (oldL != null) {
                            locks[i] = oldL[k];
                        }
                        break;
                    }
                }
            }
        }
        epochs = e;
    }

    private static int hash(int tid) {
        return tid * 0x9E3779B9 >>> 8;
    }
}
