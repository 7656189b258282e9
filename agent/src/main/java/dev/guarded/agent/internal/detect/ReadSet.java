package dev.guarded.agent.internal.detect;

/**
 * FastTrack's read vector clock for a location that genuinely concurrent readers share: the last read epoch
 * of each reading slot and its site. Up to two entries live in this object's own fields; a third concurrent
 * reader moves them all into an open-addressed table keyed by slot (epoch at {@code 2i}, site at {@code 2i + 1}).
 * Mutated only under the owning location's monitor; {@link #epochOf} may be called without it (each epoch is one
 * field or array element, and the table is replaced whole, so a racy reader sees a consistent epoch, possibly
 * stale, never another thread's entry disguised as its own: it compares the slot).
 *
 * <p>Three choices keep a read set small, because on an array that several threads read (a matrix, a lookup
 * table) there is one per element and they were most of the detector's memory (measured: 160,000 read sets,
 * 66 MB, for one 400 × 400 matrix read by two threads at a time over four threads' lives):
 * <ul>
 *   <li>Only epoch and site per entry. The reading thread's {@link ThreadInfo} is found from the epoch when a
 *       report needs it ({@link ThreadRegistry#infoOf}), as for a location's single read and write; only the
 *       side tables, which keep each access's thread and locks, give them here, in a second array made for
 *       them alone.</li>
 *   <li>Two readers in the object itself (48 bytes, where a table costs 104): most shared locations are read
 *       by two threads at a time.</li>
 *   <li>A read that finds no room first drops the entries the reader already knows (they happen-before this
 *       read). Dropping such a read {@code r1} loses no race: a later write that does not know {@code r1}
 *       cannot know the new read {@code r2} either (it would know {@code r1} through it), so the write still
 *       races with a read in the set — perhaps reported with {@code r2}'s site, where FastTrack would pick
 *       either. A thread's entry for its current epoch is never dropped by another thread: no one knows an
 *       epoch before its thread released it, which ends that epoch. So a set holds the readers that are
 *       concurrent now, not every thread that ever read the location (a matrix read again by each new pair
 *       of workers kept them all).</li>
 * </ul>
 */
final class ReadSet {

    /** Entries kept in fields, before a table. */
    private static final int INLINE = 2;
    private static final int MIN_TABLE = 4;

    private long epoch0;
    private long epoch1;
    private int site0;
    private int site1;
    /** Null while the entries fit in the fields above; then every entry is here and the fields are empty. */
    private volatile long[] table;
    /**
     * The side tables' thread and locks of each entry ({@link ThreadInfo} at {@code 2i}, {@code LockRef[]} at
     * {@code 2i + 1}), made at the first put that names either; null on the shadow-word path.
     */
    private Object[] details;
    /** Entries in {@link #table}. */
    private int size;

    /** @return this slot's last read epoch, or 0 */
    long epochOf(int tid) {
        long[] e = table;
        if (e == null) {
            long x = epoch0;
            if (x != Epoch.NONE && Epoch.tid(x) == tid) {
                return x;
            }
            x = epoch1;
            return x != Epoch.NONE && Epoch.tid(x) == tid ? x : Epoch.NONE;
        }
        long x = e[2 * find(e, tid)];
        return x != Epoch.NONE && Epoch.tid(x) == tid ? x : Epoch.NONE;
    }

    /**
     * Records a read at {@code epoch} (replacing its slot's earlier one). When there is no room, first drops the
     * entries {@code reader} knows: the reading thread, whose clock orders them before this read.
     *
     * @param info the reading thread, kept only by the side tables (null: found from the epoch when reported)
     * @param held the locks held at the read, kept only by the side tables (may be null)
     */
    void put(ThreadState reader, long epoch, int site, ThreadInfo info, LockRef[] held) {
        int slot = table == null ? inlineSlot(reader, Epoch.tid(epoch)) : tableSlot(reader, Epoch.tid(epoch));
        if (slot < 0) {
            slot = tableSlot(reader, Epoch.tid(epoch));   // the fields are full: now a table
        }
        if (info != null || held != null || details != null) {
            int need = 2 * capacity();
            if (details == null) {
                details = new Object[need];
            }
            details[2 * slot] = info;
            details[2 * slot + 1] = held;
        }
        long[] e = table;
        if (e == null) {
            if (slot == 0) {
                site0 = site;
                epoch0 = epoch;
            } else {
                site1 = site;
                epoch1 = epoch;
            }
        } else {
            if (e[2 * slot] == Epoch.NONE) {
                size++;
            }
            e[2 * slot + 1] = site;
            e[2 * slot] = epoch;
        }
    }

    /** @return the field for {@code tid}: its own, a free one, or one freed of a read the reader knows; -1 if none */
    private int inlineSlot(ThreadState reader, int tid) {
        if (epoch0 != Epoch.NONE && Epoch.tid(epoch0) == tid) {
            return 0;
        }
        if (epoch1 != Epoch.NONE && Epoch.tid(epoch1) == tid) {
            return 1;
        }
        if (epoch0 == Epoch.NONE || reader.knows(epoch0)) {
            epoch1 = dropIfKnown(reader, epoch1, 1);
            return 0;
        }
        if (epoch1 == Epoch.NONE || reader.knows(epoch1)) {
            return 1;
        }
        return -1;
    }

    /** @return {@code epoch}, or NONE (its details cleared) when the reader knows it */
    private long dropIfKnown(ThreadState reader, long epoch, int slot) {
        if (epoch != Epoch.NONE && reader.knows(epoch)) {
            if (details != null) {
                details[2 * slot] = null;
                details[2 * slot + 1] = null;
            }
            return Epoch.NONE;
        }
        return epoch;
    }

    /** @return {@code tid}'s slot in the table, made (or rebuilt without known reads) when needed */
    private int tableSlot(ThreadState reader, int tid) {
        long[] e = table;
        if (e != null) {
            int slot = find(e, tid);
            if (e[2 * slot] != Epoch.NONE || (size + 1) * 4 <= e.length / 2 * 3) {
                return slot;
            }
        }
        return find(rebuild(reader), tid);
    }

    /** @return index of the first read not known to {@code t}, or -1 when all happen-before it */
    int firstUnordered(ThreadState t) {
        long[] e = table;
        if (e == null) {
            if (epoch0 != Epoch.NONE && !t.knows(epoch0)) {
                return 0;
            }
            return epoch1 != Epoch.NONE && !t.knows(epoch1) ? 1 : -1;
        }
        for (int i = 0; i < e.length; i += 2) {
            if (e[i] != Epoch.NONE && !t.knows(e[i])) {
                return i / 2;
            }
        }
        return -1;
    }

    long epochAt(int i) {
        long[] e = table;
        return e != null ? e[2 * i] : i == 0 ? epoch0 : epoch1;
    }

    int siteAt(int i) {
        long[] e = table;
        return e != null ? (int) e[2 * i + 1] : i == 0 ? site0 : site1;
    }

    /** @return the thread the side tables gave for entry {@code i}, or null (find it from {@link #epochAt}) */
    ThreadInfo infoAt(int i) {
        return details == null ? null : (ThreadInfo) details[2 * i];
    }

    LockRef[] locksAt(int i) {
        return details == null ? null : (LockRef[]) details[2 * i + 1];
    }

    /** @return how many entries there is room for (tests, diagnostics) */
    int capacity() {
        long[] e = table;
        return e == null ? INLINE : e.length / 2;
    }

    /** @return the free or matching slot of {@code tid} (a table always has a free slot) */
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
     * Moves every entry {@code reader} does not know (from the fields or the old table) into a new table with
     * room for one more, and publishes it; a racy {@link #epochOf} sees the old entries or the new table.
     * @return the new table
     */
    private long[] rebuild(ThreadState reader) {
        int oldCapacity = capacity();
        Object[] oldDetails = details;
        int kept = 0;
        for (int i = 0; i < oldCapacity; i++) {
            long x = epochAt(i);
            if (x != Epoch.NONE && !reader.knows(x)) {
                kept++;
            }
        }
        // Beyond the smallest table, at most half full: then at least a quarter of the table's puts come before
        // the next rebuild, whose cost (a pass over the table) they share, however few entries each one drops.
        int capacity = MIN_TABLE;
        if ((kept + 1) * 4 > capacity * 3) {
            while ((kept + 1) * 2 > capacity) {
                capacity *= 2;
            }
        }
        long[] e = new long[2 * capacity];
        Object[] d = oldDetails == null ? null : new Object[2 * capacity];
        for (int i = 0; i < oldCapacity; i++) {
            long x = epochAt(i);   // still the old entries: the new table is published last
            if (x != Epoch.NONE && !reader.knows(x)) {
                int to = find(e, Epoch.tid(x));
                e[2 * to] = x;
                e[2 * to + 1] = siteAt(i);
                if (d != null) {
                    d[2 * to] = oldDetails[2 * i];
                    d[2 * to + 1] = oldDetails[2 * i + 1];
                }
            }
        }
        size = kept;
        details = d;
        table = e;
        epoch0 = Epoch.NONE;
        epoch1 = Epoch.NONE;
        return e;
    }

    private static int hash(int tid) {
        return tid * 0x9E3779B9 >>> 8;
    }
}
