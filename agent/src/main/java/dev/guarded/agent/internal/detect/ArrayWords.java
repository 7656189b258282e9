package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.ThreadContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The shadow words of one array's elements: pages of {@code 2^PAGE_BITS} elements, three {@code long} words each
 * (write epoch, read epoch or {@link WordShadow#READ_SHARED}, sites), allocated when an element of the page is
 * first accessed; the rare read sets of elements read concurrently in a small map beside them. 24 bytes per
 * touched element and no object per element, where a record per element cost several times that. A page is
 * its own monitor for the FastTrack update of its elements, and threads keep their last page in their
 * context so that a loop over one array checks its elements inline.
 */
final class ArrayWords {

    private static final int PAGE_SIZE = 1 << ThreadContext.PAGE_BITS;

    private volatile long[][] pages = new long[1][];
    private Map<Integer, ReadSet> shared;

    /** @return the page holding {@code index}'s words, allocated on first use */
    long[] page(int index) {
        long[][] p = pages;
        int page = index >>> ThreadContext.PAGE_BITS;
        long[] words = page < p.length ? p[page] : null;
        return words != null ? words : create(page);
    }

    private synchronized long[] create(int page) {
        long[][] p = pages;
        if (page >= p.length) {
            p = java.util.Arrays.copyOf(p, Math.max(page + 1, p.length * 2));
        }
        if (p[page] == null) {
            p[page] = new long[PAGE_SIZE * ThreadContext.WORDS_PER_ELEMENT];
        }
        pages = p;
        return p[page];
    }

    /** @return the byte offset, in its page, of the write word of element {@code index} (read and sites follow) */
    static long offset(int index) {
        return WordShadow.LONG_ARRAY_BASE + 8L * ThreadContext.WORDS_PER_ELEMENT * (index & (PAGE_SIZE - 1));
    }

    /** Caller holds the element's page monitor. */
    synchronized ReadSet readSet(int index, boolean create) {
        ReadSet rs = shared == null ? null : shared.get(index);
        if (rs == null && create) {
            if (shared == null) {
                shared = new HashMap<>();
            }
            rs = new ReadSet();
            shared.put(index, rs);
        }
        return rs;
    }

    synchronized void clearReadSet(int index) {
        if (shared != null) {
            shared.remove(index);
        }
    }
}
