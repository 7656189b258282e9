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
 *
 * <p>A page of {@link #SPARSE_MIN_ELEMENTS} or more elements starts sparse: its elements' words are entries
 * (element, write, read, sites) of a small store kept where the page would be (no other object), made as
 * elements are first touched and grown up to a quarter of the page's elements, at most
 * {@link #SPARSE_MAX_ENTRIES}; the next new element makes the page dense. A copy-on-write B-tree node or a
 * parser's buffer has dozens to thousands of elements of which a program touches two or three (a binary search,
 * one replaced child) before the array dies: measured on H2 with HikariCP, 1.26 million touched elements held
 * 250 MB of dense pages, about 200 bytes a touched element where its words are 24.
 * The inline check cannot see into a store (the page it finds is {@link #SPARSE}, which it never matches), so
 * every access to a sparse page reaches the detector: cheap for the few elements such a page holds, and a loop
 * makes the page dense within a few elements, or at its first access to an element it already touched in the
 * same epoch (a loop over two elements of a table). The store is guarded by this shadow's monitor, a dense
 * page by its own; a page only ever turns from sparse to dense, under this monitor, and the dense page is
 * published last, so every update made in the store happens-before any made in the page.
 */
final class ArrayWords extends WeakIdentityTable.Entry<ArrayWords> {

    private static final int PAGE_SIZE = 1 << ThreadContext.PAGE_BITS;

    /** Threads with a slot below this get read bitmaps; beyond it they take the slow path for shared reads. */
    static final int BITMAP_SLOTS = 64;
    /** Longs per read bitmap: the epoch and page generation it is valid for, then one bit per element. */
    static final int BITMAP_LONGS = 2 + (PAGE_SIZE >>> 6);

    /** Elements a page covers from which it starts sparse; below, a dense page costs little more than a store. */
    static final int SPARSE_MIN_ELEMENTS = 16;
    /** Most entries a sparse store grows to (fewer for a page of under four times as many elements). */
    static final int SPARSE_MAX_ENTRIES = 8;
    /** Entries of a new sparse store. */
    private static final int SPARSE_FIRST_ENTRIES = 2;
    /** Longs per sparse-store entry: the element's index in its page plus one (0: a free entry), then its words. */
    private static final int ENTRY_LONGS = 4;

    /**
     * What {@link #page} returns for a sparse page: it holds no element and no generation, and is never written.
     * With a length of one, the inline check ({@code Hooks.pageCovers}) finds every element past its end and
     * answers "not covered", so the access reaches the detector, which finds the element in the page's store.
     */
    static final long[] SPARSE = new long[1];

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
        /**
         * Per page, per element: the read set of a read-shared element. Guarded by the monitor that guards the
         * element's words: its dense page's, or this shadow's while the page is sparse.
         */
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

    /**
     * @return the page holding {@code index}'s words, allocated on first use, or {@link #SPARSE} while the page
     *     is sparse
     */
    long[] page(int index) {
        int page = index >>> ThreadContext.PAGE_BITS;
        long[] words = stored(page);
        if (words == null) {
            words = page == 0 ? createFirst() : create(page);
        }
        return isStore(words, page) ? SPARSE : words;
    }

    /** @return what the page's slot holds: its dense page, its sparse store, or null before its first use */
    private long[] stored(int page) {
        if (page == 0) {
            return first;
        }
        Extras x = extras;
        long[][] p = x != null ? x.pages : null;
        return p != null && page < p.length ? p[page] : null;
    }

    /** Replaces what the page's slot holds (a grown store, or the dense page). Caller holds this monitor. */
    private void store(int page, long[] words) {
        if (page == 0) {
            first = words;
        } else {
            Extras x = extras;
            long[][] p = x.pages;
            p[page] = words;
            x.pages = p;   // republished: the volatile write orders the words before the reference
        }
    }

    /** @return whether {@code words}, in page {@code page}'s slot, is a sparse store: shorter than a dense page */
    private boolean isStore(long[] words, int page) {
        return words.length != elements(page) * ThreadContext.WORDS_PER_ELEMENT + 1;
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
     * A new page's words: a sparse store when the page covers {@link #SPARSE_MIN_ELEMENTS} or more elements
     * ({@link #ENTRY_LONGS} longs per entry, then the page's generation; always shorter than the dense page,
     * which is how {@link #isStore} tells them apart), else the dense page.
     */
    private long[] newPage(int page) {
        return elements(page) < SPARSE_MIN_ELEMENTS ? densePage(page)
                : new long[SPARSE_FIRST_ENTRIES * ENTRY_LONGS + 1];
    }

    /**
     * A dense page sized to the elements it covers (a one-element array gets 4 words, not a full page), with one
     * more word at the end for the page's generation.
     */
    private long[] densePage(int page) {
        return new long[elements(page) * ThreadContext.WORDS_PER_ELEMENT + 1];
    }

    /** @return how many of the array's elements page {@code page} covers */
    private int elements(int page) {
        return Math.min(PAGE_SIZE, length - page * PAGE_SIZE);
    }

    /**
     * The store of the sparse page holding element {@code index}, with an entry for the element (a free one
     * claimed, or the store grown, when it has none). When the store has no room left and may not grow, the page
     * turns dense here. Caller holds this shadow's monitor.
     *
     * @return the store, or null when the page is dense (the caller then finds it with {@link #page})
     */
    long[] sparseStore(int index) {
        int page = index >>> ThreadContext.PAGE_BITS;
        long[] store = stored(page);
        if (store == null || !isStore(store, page)) {
            return null;
        }
        long key = (index & (PAGE_SIZE - 1)) + 1;
        int entries = (store.length - 1) / ENTRY_LONGS;
        int at = 0;
        // Entries are claimed in order and never freed: the first free one ends the search.
        while (at < entries && store[at * ENTRY_LONGS] != 0) {
            if (store[at * ENTRY_LONGS] == key) {
                return store;
            }
            at++;
        }
        if (at == entries) {
            if (entries >= Math.min(SPARSE_MAX_ENTRIES, elements(page) / 4)) {
                makeDense(page, store);
                return null;
            }
            long[] grown = new long[2 * entries * ENTRY_LONGS + 1];
            System.arraycopy(store, 0, grown, 0, entries * ENTRY_LONGS);
            grown[grown.length - 1] = store[store.length - 1];
            store(page, grown);
            store = grown;
        }
        store[at * ENTRY_LONGS] = key;
        return store;
    }

    /**
     * @return the byte offset, in {@code store} (from {@link #sparseStore}, which made the entry), of the write
     *     word of element {@code index} (read and sites follow, as in a dense page)
     */
    static long sparseOffset(long[] store, int index) {
        long key = (index & (PAGE_SIZE - 1)) + 1;
        int at = 0;
        while (store[at] != key) {
            at += ENTRY_LONGS;
        }
        return WordShadow.LONG_ARRAY_BASE + 8L * (at + 1);
    }

    /** Makes the sparse page holding element {@code index} dense (no-op when it is). Caller holds this monitor. */
    void makeDense(int index) {
        int page = index >>> ThreadContext.PAGE_BITS;
        long[] store = stored(page);
        if (store != null && isStore(store, page)) {
            makeDense(page, store);
        }
    }

    /** Copies the store's entries into a new dense page and publishes it, last. Caller holds this monitor. */
    private void makeDense(int page, long[] store) {
        long[] dense = densePage(page);
        for (int at = 0; at < store.length - 1 && store[at] != 0; at += ENTRY_LONGS) {
            int slot = (int) store[at] - 1;
            System.arraycopy(store, at + 1, dense, slot * ThreadContext.WORDS_PER_ELEMENT,
                    ThreadContext.WORDS_PER_ELEMENT);
        }
        dense[dense.length - 1] = store[store.length - 1];
        store(page, dense);
    }

    /** @return the byte offset, in its page, of the write word of element {@code index} (read and sites follow) */
    static long offset(int index) {
        return WordShadow.LONG_ARRAY_BASE + 8L * ThreadContext.WORDS_PER_ELEMENT * (index & (PAGE_SIZE - 1));
    }

    /** Caller holds the monitor guarding the element's words. @return the element's read set, created if asked */
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
            // Sized to the elements the page covers, as the page is: a 400-element row needs no 1,024 slots.
            all[page] = new ReadSet[Math.min(PAGE_SIZE, length - (page << ThreadContext.PAGE_BITS))];
        }
        x.readSets = all;
        return all[page];
    }

    /**
     * Forgets the readers of a read-shared element and bumps its page's generation, so that no thread's read
     * bitmap answers for the element any more. {@code words} is the element's dense page or sparse store (both end
     * in the generation); caller holds the monitor guarding it.
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
