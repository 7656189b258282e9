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
 */
final class ArrayWords {

    private static final int PAGE_SIZE = 1 << ThreadContext.PAGE_BITS;

    /** Threads with a slot below this get read bitmaps; beyond it they take the slow path for shared reads. */
    static final int BITMAP_SLOTS = 64;
    /** Longs per read bitmap: the epoch and page generation it is valid for, then one bit per element. */
    static final int BITMAP_LONGS = 2 + (PAGE_SIZE >>> 6);

    /**
     * The first page, apart: most arrays have only one, and a one-element array (a lambda's captured cell, made
     * by the million) then costs no page table.
     */
    private volatile long[] first;
    /** The pages after the first, index 0 unused; null until one of them is touched. */
    private volatile long[][] pages;
    /** The array's length: its last page holds only the elements that exist. */
    private final int length;
    /** Per page, per element: the read set of a read-shared element. Guarded by the page's monitor. */
    private volatile ReadSet[][] readSets;
    /** Per page, per thread slot: that thread's read bitmap for the page, see {@link #readBits}. */
    private volatile long[][][] bitmaps;
    /** The stale-write logs of the elements ({@link Flows}), created at the first access by a tracked task. */
    volatile Flows.ElementLocations flowLocations;

    ArrayWords(int length) {
        this.length = length;
    }

    /** @return the page holding {@code index}'s words, allocated on first use */
    long[] page(int index) {
        int page = index >>> ThreadContext.PAGE_BITS;
        if (page == 0) {
            long[] words = first;
            return words != null ? words : createFirst();
        }
        long[][] p = pages;
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
        long[][] p = pages;
        if (p == null || page >= p.length) {
            p = p == null ? new long[page + 1][] : java.util.Arrays.copyOf(p, Math.max(page + 1, p.length * 2));
        }
        if (p[page] == null) {
            p[page] = newPage(page);
        }
        pages = p;
        return p[page];
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
        ReadSet[][] all = readSets;
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
        ReadSet[][] all = readSets;
        if (all == null || page >= all.length) {
            all = all == null ? new ReadSet[page + 1][] : java.util.Arrays.copyOf(all, Math.max(page + 1, all.length * 2));
        }
        if (all[page] == null) {
            all[page] = new ReadSet[PAGE_SIZE];
        }
        readSets = all;
        return all[page];
    }

    /**
     * Forgets the readers of a read-shared element and bumps its page's generation, so that no thread's read
     * bitmap answers for the element any more. Caller holds the element's page monitor.
     */
    void clearReadSet(long[] words, int index) {
        words[words.length - 1]++;
        ReadSet[][] all = readSets;
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
        long[][][] all = bitmaps;
        long[][] bySlot = all != null && page < all.length ? all[page] : null;
        long[] bits = bySlot != null ? bySlot[slot] : null;
        return bits != null || !create ? bits : createBits(page, slot);
    }

    private synchronized long[] createBits(int page, int slot) {
        long[][][] all = bitmaps;
        if (all == null || page >= all.length) {
            all = all == null ? new long[page + 1][][] : java.util.Arrays.copyOf(all, Math.max(page + 1, all.length * 2));
        }
        if (all[page] == null) {
            all[page] = new long[BITMAP_SLOTS][];
        }
        if (all[page][slot] == null) {
            all[page][slot] = new long[BITMAP_LONGS];
        }
        bitmaps = all;
        return all[page][slot];
    }
}
