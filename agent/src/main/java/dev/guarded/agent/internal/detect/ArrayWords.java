package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.ThreadContext;
/**
 * The shadow words of one array's elements: pages of {@code 2^PAGE_BITS} elements, three {@code long} words each
 * (write epoch, read epoch or {@link WordShadow#READ_SHARED}, sites), allocated when an element of the page is
 * first accessed; the read sets of elements read concurrently in a per-page table beside them, and per page and thread
 * the bitmap of elements that thread has read in its current epoch (see {@link #readBits}). 24 bytes per
 * touched element and no object per element, where a record per element cost several times that. A page is
 * its own monitor for the FastTrack update of its elements, and threads keep their last page in their
 * context so that a loop over one array checks its elements inline.
 *
 * <p>The shadow is its own entry in the shadow memory's weak table, and an array of one page gets that page
 * with the shadow: most shadowed arrays are small and short-lived (a lambda's one-element cell, a parser's
 * buffer, a copy-on-write node), made by the hundred thousand a second, and each one's shadow lives until the
 * collection after its array's. One entry object and one page, 56 bytes plus the page, where a separate entry,
 * shadow and lazily made page cost three allocations, 88 bytes plus the page, and a monitor acquisition.
 * What few arrays need (more pages, read sets, read bitmaps, stale-write logs) hangs off {@link Extras}.
 */
final class ArrayWords extends WeakIdentityTable.Entry<ArrayWords> {

    private static final int PAGE_SIZE = 1 << ThreadContext.PAGE_BITS;

    /** Threads with a slot below this get read bitmaps; beyond it they take the slow path for shared reads. */
    static final int BITMAP_SLOTS = 64;
    /** Longs per read bitmap: the epoch and page generation it is valid for, then one bit per element. */
    static final int BITMAP_LONGS = 2 + (PAGE_SIZE >>> 6);

    /** The first page; made with the shadow when it is the only one, else on first use. */
    private volatile long[] first;
    /** The array's length: its last page holds only the elements that exist. */
    private final int length;
    /** The rarely needed parts; null until one of them is. */
    private volatile Extras extras;

    /**
     * What few arrays need: every field is created on first use under the shadow's monitor, and republished
     * (volatile) whenever it grows.
     */
    private static final class Extras {
        /** The pages after the first, index 0 unused; null until one of them is touched. */
        volatile long[][] pages;
        /** Per page, per element: the read set of a read-shared element. Guarded by the page's monitor. */
        volatile ReadSet[][] readSets;
        /** Per page, per thread slot: that thread's read bitmap for the page, see {@link #readBits}. */
        volatile long[][][] bitmaps;
        /** The stale-write logs of the elements ({@link Flows}), created at the first access by a tracked task. */
        volatile Flows.ElementLocations flowLocations;
    }

    /** The shadow of {@code array}, whose identity hash is {@code hash}, as the weak table's entry for it. */
    ArrayWords(Object array, int hash) {
        super(array, hash);
        this.length = java.lang.reflect.Array.getLength(array);
        if (length <= PAGE_SIZE) {
            first = newPage(0);   // the only page: the access that made the shadow is to one of its elements
        }
    }

    /** A shadow outside any table (tests). */
    ArrayWords(Object array) {
        this(array, System.identityHashCode(array));
    }

    /** @return the page holding {@code index}'s words, allocated on first use */
    long[] page(int index) {
        int page = index >>> ThreadContext.PAGE_BITS;
        if (page == 0) {
            long[] words = first;
            return words != null ? words : createFirst();
        }
        Extras x = extras;
        long[][] p = x != null ? x.pages : null;
        long[] words = p != null && page < p.length ? p[page] : null;
        return words != null ? words : create(page);
    }

    private synchronized long[] createFirst() {
        if (first == null) {
            first = newPage(0);
        }
        return first;
    }

    private synchronized long[] create(int page) {
        Extras x = extras();
        long[][] p = x.pages;
        if (p == null || page >= p.length) {
            p = p == null ? new long[page + 1][] : java.util.Arrays.copyOf(p, Math.max(page + 1, p.length * 2));
        }
        if (p[page] == null) {
            p[page] = newPage(page);
        }
        x.pages = p;
        return p[page];
    }

    private synchronized Extras extras() {
        if (extras == null) {
            extras = new Extras();
        }
        return extras;
    }

    /**
     * A page sized to the elements it covers (a one-element array gets 4 words, not a full page), with one more
     * word at the end for the page's generation.
     */
    private long[] newPage(int page) {
        int elements = Math.min(PAGE_SIZE, length - page * PAGE_SIZE);
        return new long[elements * ThreadContext.WORDS_PER_ELEMENT + 1];
    }

    /** @return the byte offset, in its page, of the write word of element {@code index} (read and sites follow) */
    static long offset(int index) {
        return WordShadow.LONG_ARRAY_BASE + 8L * ThreadContext.WORDS_PER_ELEMENT * (index & (PAGE_SIZE - 1));
    }

    /** Caller holds the element's page monitor. @return the element's read set, created if asked */
    ReadSet readSet(int index, boolean create) {
        int page = index >>> ThreadContext.PAGE_BITS;
        Extras x = extras;
        ReadSet[][] all = x != null ? x.readSets : null;
        ReadSet[] sets = all != null && page < all.length ? all[page] : null;
        if (sets == null) {
            if (!create) {
                return null;
            }
            sets = createReadSets(page);
        }
        int i = index & (PAGE_SIZE - 1);
        ReadSet rs = sets[i];
        if (rs == null && create) {
            rs = new ReadSet();
            sets[i] = rs;
        }
        return rs;
    }

    private synchronized ReadSet[] createReadSets(int page) {
        Extras x = extras();
        ReadSet[][] all = x.readSets;
        if (all == null || page >= all.length) {
            all = all == null ? new ReadSet[page + 1][] : java.util.Arrays.copyOf(all, Math.max(page + 1, all.length * 2));
        }
        if (all[page] == null) {
            all[page] = new ReadSet[PAGE_SIZE];
        }
        x.readSets = all;
        return all[page];
    }

    /**
     * Forgets the readers of a read-shared element and bumps its page's generation, so that no thread's read
     * bitmap answers for the element any more. Caller holds the element's page monitor.
     */
    void clearReadSet(long[] words, int index) {
        words[words.length - 1]++;
        Extras x = extras;
        ReadSet[][] all = x != null ? x.readSets : null;
        int page = index >>> ThreadContext.PAGE_BITS;
        if (all != null && page < all.length && all[page] != null) {
            all[page][index & (PAGE_SIZE - 1)] = null;
        }
    }

    /**
     * The bitmap of the elements of page {@code page} that the thread in slot {@code slot} has read in epoch
     * {@code bitmap[0]}: the inline element check answers a read of a read-shared element from it (FastTrack's
     * read-same-epoch rule, which the element's own read word cannot answer once several threads read it).
     * Only that thread reads or writes its bitmap; the containers are only replaced under this monitor.
     *
     * @return the bitmap, or null for a slot beyond {@link #BITMAP_SLOTS} or, unless {@code create}, none yet
     */
    long[] readBits(int page, int slot, boolean create) {
        if (slot >= BITMAP_SLOTS) {
            return null;
        }
        Extras x = extras;
        long[][][] all = x != null ? x.bitmaps : null;
        long[][] bySlot = all != null && page < all.length ? all[page] : null;
        long[] bits = bySlot != null ? bySlot[slot] : null;
        return bits != null || !create ? bits : createBits(page, slot);
    }

    private synchronized long[] createBits(int page, int slot) {
        Extras x = extras();
        long[][][] all = x.bitmaps;
        if (all == null || page >= all.length) {
            all = all == null ? new long[page + 1][][] : java.util.Arrays.copyOf(all, Math.max(page + 1, all.length * 2));
        }
        if (all[page] == null) {
            all[page] = new long[BITMAP_SLOTS][];
        }
        if (all[page][slot] == null) {
            all[page][slot] = new long[BITMAP_LONGS];
        }
        x.bitmaps = all;
        return all[page][slot];
    }

    /** @return the stale-write logs of the elements, or null before {@link #flowLocations(Flows.ElementLocations)} */
    Flows.ElementLocations flowLocations() {
        Extras x = extras;
        return x != null ? x.flowLocations : null;
    }

    /** Sets the stale-write logs of the elements; the caller holds this shadow's monitor. */
    synchronized void flowLocations(Flows.ElementLocations logs) {
        extras().flowLocations = logs;
    }
}
