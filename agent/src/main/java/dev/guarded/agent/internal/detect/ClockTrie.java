package dev.guarded.agent.internal.detect;

/**
 * The persistent 16-way trie behind {@link VectorClock}. A node is a bare array, with no object around it: a
 * leaf (level 0) is a {@code long[16]} of clock values, an inner node an {@code Object[16]} of children, and
 * null means all zero. Every path copy and every dead thread's retained clock version costs one node per
 * level, so a wrapper object per node (24 bytes, and one more dependent load per level) would add about 10% to
 * the memory of a million threads' clocks. Nodes are immutable once published: updates copy the path from the
 * root (O(log n)), and joins return an input unchanged wherever it already dominates, so derived clocks share
 * structure.
 */
final class ClockTrie {

    /**
     * Bits of a slot per level. Every join that learns something and every raised entry copies one node per
     * level, and on a task pipeline or a lock passed among thousands of virtual threads those copies were most
     * of what the detector allocated: 16-way nodes (144 and 80 bytes) copy about a third fewer bytes per path
     * than 32-way ones (272 and 144) at every size up to 2^24 slots, for one more level from 257 slots on.
     */
    static final int BITS = 4;
    static final int WIDTH = 1 << BITS;
    static final int MASK = WIDTH - 1;

    private ClockTrie() {
    }

    /** @return slot {@code u}'s value in the trie {@code root} of height {@code levels} */
    static long get(Object root, int levels, int u) {
        if (u >= capacity(levels)) {
            return 0L;
        }
        Object n = root;
        for (int l = levels - 1; l > 0 && n != null; l--) {
            n = ((Object[]) n)[(u >>> (BITS * l)) & MASK];
        }
        return n == null ? 0L : ((long[]) n)[u & MASK];
    }

    static int capacity(int levels) {
        return BITS * levels >= 31 ? Integer.MAX_VALUE : 1 << (BITS * levels);
    }

    /** @return the trie {@code n} of height {@code from} as a trie of height {@code to} (more levels above) */
    static Object lift(Object n, int from, int to) {
        for (int l = from; l < to && n != null; l++) {
            Object[] kids = new Object[WIDTH];
            kids[0] = n;
            n = kids;
        }
        return n;
    }

    /** @return a copy of the node {@code n} at {@code level} with slot {@code u} set to {@code c} */
    static Object setIn(Object n, int level, int u, long c) {
        if (level == 0) {
            long[] v = n == null ? new long[WIDTH] : ((long[]) n).clone();
            v[u & MASK] = c;
            return v;
        }
        Object[] k = n == null ? new Object[WIDTH] : ((Object[]) n).clone();
        int i = (u >>> (BITS * level)) & MASK;
        k[i] = setIn(k[i], level - 1, u, c);
        return k;
    }

    /**
     * Join of {@code a} (height la) and {@code b} (height lb <= la). Returns {@code a} itself where it strictly
     * dominates and {@code b}'s nodes wherever they hold the join, equal content included, so that a clock
     * absorbing others converges on their shared structure: a sync clock joined by many threads whose clocks
     * descend from one another (a counter every task increments, then an executor every task completes into)
     * keeps the nodes those threads share, and the next join skips them by reference. Kept {@code a}'s nodes
     * instead, every such join walked every leaf: O(threads) each, O(threads²) in all (1,000,000 parked
     * virtual threads). Sets {@code into.joinGrew} when the join holds a value above {@code a}'s, since a
     * result that is not {@code a} no longer says so.
     */
    static Object join(Object a, int la, Object b, int lb, VectorClock into) {
        if (b == null || a == b) {
            return a;
        }
        if (la > lb) {
            Object[] ak = (Object[]) a;
            Object first = join(ak == null ? null : ak[0], la - 1, b, lb, into);
            if (ak != null && first == ak[0]) {
                return a;
            }
            Object[] k = ak == null ? new Object[WIDTH] : ak.clone();
            k[0] = first;
            return k;
        }
        if (a == null) {
            into.joinGrew = true;   // conservatively: b may hold only zeros
            return b;
        }
        if (la == 0) {
            long[] av = (long[]) a;
            long[] bv = (long[]) b;
            boolean aCovers = true;
            boolean bCovers = true;
            for (int i = 0; i < WIDTH; i++) {
                aCovers &= av[i] >= bv[i];
                bCovers &= bv[i] >= av[i];
            }
            if (bCovers) {
                if (!aCovers) {
                    into.joinGrew = true;
                }
                return b;
            }
            if (aCovers) {
                return a;
            }
            into.joinGrew = true;
            long[] v = new long[WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                v[i] = Math.max(av[i], bv[i]);
            }
            return v;
        }
        Object[] ak = (Object[]) a;
        Object[] bk = (Object[]) b;
        Object[] out = null;
        boolean allB = true;
        for (int i = 0; i < WIDTH; i++) {
            Object x = ak[i];
            Object y = bk[i];
            Object j = join(x, la - 1, y, lb - 1, into);
            if (j != x) {
                if (out == null) {
                    out = ak.clone();
                }
                out[i] = j;
            }
            allB &= j == y;
        }
        if (out == null) {
            return a;
        }
        return allB ? b : out;
    }

    /** @return whether every value of {@code a} (height la) is at most the same slot's in {@code b} (height lb) */
    static boolean leq(Object a, int la, Object b, int lb) {
        if (a == null || a == b) {
            return true;
        }
        if (b == null) {
            return false;
        }
        if (la > lb) {
            Object[] ak = (Object[]) a;
            for (int i = 1; i < WIDTH; i++) {
                if (ak[i] != null) {
                    return false;
                }
            }
            return leq(ak[0], la - 1, b, lb);
        }
        if (lb > la) {
            return leq(a, la, ((Object[]) b)[0], lb - 1);
        }
        if (la == 0) {
            long[] av = (long[]) a;
            long[] bv = (long[]) b;
            for (int i = 0; i < WIDTH; i++) {
                if (av[i] > bv[i]) {
                    return false;
                }
            }
            return true;
        }
        Object[] ak = (Object[]) a;
        Object[] bk = (Object[]) b;
        for (int i = 0; i < WIDTH; i++) {
            if (!leq(ak[i], la - 1, bk[i], lb - 1)) {
                return false;
            }
        }
        return true;
    }
}
