package dev.guarded.agent.internal.detect;

/**
 * A node of the persistent 32-way trie behind {@link VectorClock}: a leaf of 32 clock values or an inner node
 * of 32 children; a null child means all zero. Immutable: updates copy the path from the root (O(log n)), and
 * joins return an input unchanged wherever it already dominates, so derived clocks share structure.
 */
final class ClockTrie {

    static final int BITS = 5;
    static final int WIDTH = 1 << BITS;
    static final int MASK = WIDTH - 1;

    final ClockTrie[] kids;
    final long[] vals;

    private ClockTrie(ClockTrie[] kids) {
        this.kids = kids;
        this.vals = null;
    }

    private ClockTrie(long[] vals) {
        this.kids = null;
        this.vals = vals;
    }

    /** @return slot {@code u}'s value in the trie {@code root} of height {@code levels} */
    static long get(ClockTrie root, int levels, int u) {
        if (u >= capacity(levels)) {
            return 0L;
        }
        ClockTrie n = root;
        for (int l = levels - 1; l > 0 && n != null; l--) {
            n = n.kids[(u >>> (BITS * l)) & MASK];
        }
        return n == null ? 0L : n.vals[u & MASK];
    }

    static int capacity(int levels) {
        return levels >= 6 ? Integer.MAX_VALUE : 1 << (BITS * levels);
    }

    static ClockTrie lift(ClockTrie n, int from, int to) {
        for (int l = from; l < to && n != null; l++) {
            ClockTrie[] kids = new ClockTrie[WIDTH];
            kids[0] = n;
            n = new ClockTrie(kids);
        }
        return n;
    }

    static ClockTrie setIn(ClockTrie n, int level, int u, long c) {
        if (level == 0) {
            long[] v = n == null ? new long[WIDTH] : n.vals.clone();
            v[u & MASK] = c;
            return new ClockTrie(v);
        }
        ClockTrie[] k = n == null ? new ClockTrie[WIDTH] : n.kids.clone();
        int i = (u >>> (BITS * level)) & MASK;
        k[i] = setIn(k[i], level - 1, u, c);
        return new ClockTrie(k);
    }

    /** Join of {@code a} (height la) and {@code b} (height lb <= la); returns a or b itself when it dominates. */
    static ClockTrie join(ClockTrie a, int la, ClockTrie b, int lb) {
        if (b == null || a == b) {
            return a;
        }
        if (la > lb) {
            ClockTrie first = join(a == null ? null : a.kids[0], la - 1, b, lb);
            if (a != null && first == a.kids[0]) {
                return a;
            }
            ClockTrie[] k = a == null ? new ClockTrie[WIDTH] : a.kids.clone();
            k[0] = first;
            return new ClockTrie(k);
        }
        if (a == null) {
            return b;
        }
        if (la == 0) {
            boolean aCovers = true;
            boolean bCovers = true;
            for (int i = 0; i < WIDTH; i++) {
                aCovers &= a.vals[i] >= b.vals[i];
                bCovers &= b.vals[i] >= a.vals[i];
            }
            if (aCovers) {
                return a;
            }
            if (bCovers) {
                return b;
            }
            long[] v = new long[WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                v[i] = Math.max(a.vals[i], b.vals[i]);
            }
            return new ClockTrie(v);
        }
        ClockTrie[] out = null;
        boolean allB = true;
        for (int i = 0; i < WIDTH; i++) {
            ClockTrie x = a.kids[i];
            ClockTrie y = b.kids[i];
            ClockTrie j = join(x, la - 1, y, lb - 1);
            if (j != x) {
                if (out == null) {
                    out = a.kids.clone();
                }
                out[i] = j;
            }
            allB &= j == y;
        }
        if (out == null) {
            return a;
        }
        return allB ? b : new ClockTrie(out);
    }

    static boolean leq(ClockTrie a, int la, ClockTrie b, int lb) {
        if (a == null || a == b) {
            return true;
        }
        if (b == null) {
            return false;
        }
        if (la > lb) {
            for (int i = 1; i < WIDTH; i++) {
                if (a.kids[i] != null) {
                    return false;
                }
            }
            return leq(a.kids[0], la - 1, b, lb);
        }
        if (lb > la) {
            return leq(a, la, b.kids[0], lb - 1);
        }
        if (la == 0) {
            for (int i = 0; i < WIDTH; i++) {
                if (a.vals[i] > b.vals[i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < WIDTH; i++) {
            if (!leq(a.kids[i], la - 1, b.kids[i], lb - 1)) {
                return false;
            }
        }
        return true;
    }
}
