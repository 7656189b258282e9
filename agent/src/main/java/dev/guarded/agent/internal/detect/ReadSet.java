package dev.guarded.agent.internal.detect;

/**
 * FastTrack's read vector clock for a location that genuinely concurrent readers share: the last read epoch
 * of each reading slot and its site, in one open-addressed table keyed by slot (epoch at {@code 2i}, site at
 * {@code 2i + 1}). Mutated only under the owning location's monitor; {@link #epochOf} may be called without it
 * (the table is one array, replaced whole, so a racy reader sees a consistent epoch, possibly stale, never
 * another thread's entry disguised as its own).
 *
 * <p>Two choices keep a read set small, because on an array that several threads read (a matrix, a lookup
 * table) there is one per element and they were most of the detector's memory (measured: 160,000 read sets,
 * 66 MB, for one 400 × 400 matrix read by two threads at a time over four threads' lives):
 * <ul>
 *   <li>Only epoch and site per entry. The reading thread's {@link ThreadInfo} is found from the epoch when a
 *       report needs it ({@link ThreadRegistry#infoOf}), as for a location's single read and write; only the
 *       side tables, which keep each access's thread and locks, give them here, in a second array made for
 *       them alone.</li>
 *   <li>A read that the table has no room for first drops the entries the reader already knows (they
 *       happen-before this read). Dropping such a read {@code r1} loses no race: a later write that does not
 *       know {@code r1} cannot know the new read {@code r2} either (it would know {@code r1} through it), so
 *       the write still races with a read in the set — perhaps reported with {@code r2}'s site, where FastTrack
 *       would pick either. A thread's entry for its current epoch is never dropped by another thread: no one
 *       knows an epoch before its thread released it, which ends that epoch. So a set holds the readers that
 *       are concurrent now, not every thread that ever read the location (a matrix read again by each new
 *       pair of workers kept them all).</li>
 * </ul>
 */
final class ReadSet {

    private static final int MIN_CAPACITY = 4;

    // Four entries, three used: most shared locations are read by two or three threads at a time.
    private volatile long[] entries = new long[2 * MIN_CAPACITY];
    /**
     * The side tables' thread and locks of each entry ({@link ThreadInfo} at {@code 2i}, {@code LockRef[]} at
     * {@code 2i + 1}), made at the first put that names either; null on the shadow-word path.
     */
    private Object[] details;
    private int size;

    /** @return this slot's last read epoch, or 0 */
    long epochOf(int tid) {
        long[] e = entries;
        int mask = e.length / 2 - 1;
        for (int i = hash(tid) & mask; ; i = (i + 1) & mask) {
            long x = e[2 * i];
            if (x == Epoch.NONE || Epoch.tid(x) == tid) {
                return x;
            }
        }
    }

    /**
     * Records a read at {@code epoch} (replacing its slot's earlier one). When the table is full, first drops the
     * entries {@code reader} knows: the reading thread, whose clock orders them before this read.
     *
     * @param info the reading thread, kept only by the side tables (null: found from the epoch when reported)
     * @param held the locks held at the read, kept only by the side tables (may be null)
     */
    void put(ThreadState reader, long epoch, int site, ThreadInfo info, LockRef[] held) {
        int tid = Epoch.tid(epoch);
        long[] e = entries;
        int slot = find(e, tid);
        if (e[2 * slot] == Epoch.NONE && (size + 1) * 4 > e.length / 2 * 3) {
            e = rebuild(reader);
            slot = find(e, tid);
        }
        if (e[2 * slot] == Epoch.NONE) {
            size++;
        }
        e[2 * slot + 1] = site;
        if (info != null || held != null || details != null) {
            if (details == null) {
                details = new Object[e.length];
            }
            details[2 * slot] = info;
            details[2 * slot + 1] = held;
        }
        e[2 * slot] = epoch;
    }

    /** @return index of the first read not known to {@code t}, or -1 when all happen-before it */
    int firstUnordered(ThreadState t) {
        long[] e = entries;
        for (int i = 0; i < e.length; i += 2) {
            if (e[i] != Epoch.NONE && !t.knows(e[i])) {
                return i / 2;
            }
        }
        return -1;
    }

    long epochAt(int i) {
        return entries[2 * i];
    }

    int siteAt(int i) {
        return (int) entries[2 * i + 1];
    }

    /** @return the thread the side tables gave for entry {@code i}, or null (find it from {@link #epochAt}) */
    ThreadInfo infoAt(int i) {
        return details == null ? null : (ThreadInfo) details[2 * i];
    }

    LockRef[] locksAt(int i) {
        return details == null ? null : (LockRef[]) details[2 * i + 1];
    }

    /** @return how many entries the table has room for (tests, diagnostics) */
    int capacity() {
        return entries.length / 2;
    }

    /** @return the free or matching slot of {@code tid} (the table always has a free slot) */
    private static int find(long[] e, int tid) {
        int mask = e.length / 2 - 1;
        for (int i = hash(tid) & mask; ; i = (i + 1) & mask) {
            long x = e[2 * i];
            if (x == Epoch.NONE || Epoch.tid(x) == tid) {
                return i;
            }
        }
    }

    /**
     * Replaces the table by one without the entries {@code reader} knows, with room for one more entry, and
     * publishes it (a racy {@link #epochOf} sees the old table or the new one). @return the new table
     */
    private long[] rebuild(ThreadState reader) {
        long[] old = entries;
        Object[] oldDetails = details;
        int kept = 0;
        for (int k = 0; k < old.length; k += 2) {
            if (old[k] != Epoch.NONE && !reader.knows(old[k])) {
                kept++;
            }
        }
        // Beyond the smallest table, at most half full: then at least a quarter of the table's puts come before
        // the next rebuild, whose cost (a pass over the table) they share, however few entries each one drops.
        int capacity = MIN_CAPACITY;
        if ((kept + 1) * 4 > capacity * 3) {
            while ((kept + 1) * 2 > capacity) {
                capacity *= 2;
            }
        }
        long[] e = new long[2 * capacity];
        Object[] d = oldDetails == null ? null : new Object[2 * capacity];
        for (int k = 0; k < old.length; k += 2) {
            if (old[k] != Epoch.NONE && !reader.knows(old[k])) {
                int i = find(e, Epoch.tid(old[k]));
                e[2 * i] = old[k];
                e[2 * i + 1] = old[k + 1];
                if (d != null) {
                    d[2 * i] = oldDetails[k];
                    d[2 * i + 1] = oldDetails[k + 1];
                }
            }
        }
        size = kept;
        details = d;
        entries = e;
        return e;
    }

    private static int hash(int tid) {
        return tid * 0x9E3779B9 >>> 8;
    }
}
