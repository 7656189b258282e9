package dev.guarded.agent.internal.detect;

/**
 * A vector clock (slot → clock value) stored as a persistent 32-way trie, so that clocks derived from one
 * another share structure: a thread that inherited or acquired a clock and changed k entries costs
 * O(k log n) memory, not O(#threads); a join visits only subtrees that differ (identical subtrees are skipped
 * by reference), and a copy is O(1).
 *
 * <p>Two entries live outside the trie as overrides so that the hot updates never copy: the owner's own
 * counter ({@code ot}/{@code ov}, ticked at every release) and one inherited entry ({@code xt}/{@code xv}, the
 * parent's epoch at fork). Invariant: an override is never below the trie's value for its slot. Tries are
 * immutable; the object holding them is not thread-safe: a thread's clock is touched only by its thread (or
 * after it died), a sync clock only under its {@link SyncState}'s monitor.
 */
final class VectorClock {

    private static final int BITS = 5;
    private static final int WIDTH = 1 << BITS;
    private static final int MASK = WIDTH - 1;

    /** A trie node: a leaf of 32 values or an inner node of 32 children (null = all zero). Immutable. */
    private static final class Node {
        final Node[] kids;
        final long[] vals;

        Node(Node[] kids) {
            this.kids = kids;
            this.vals = null;
        }

        Node(long[] vals) {
            this.kids = null;
            this.vals = vals;
        }
    }

    private Node root;
    /** Trie height: the root covers 32^levels slots. */
    private int levels = 1;
    private int xt = -1;
    private long xv;
    private int ot = -1;
    private long ov;

    /** A thread's fresh clock: knows only itself at {@code start}. */
    static VectorClock forThread(int tid, long start) {
        VectorClock c = new VectorClock();
        c.ot = tid;
        c.ov = start;
        return c;
    }

    /** A child thread's clock: the parent's knowledge (shared) plus the parent's epoch and its own entry. */
    static VectorClock inherit(VectorClock parent, int tid, long start) {
        VectorClock c = new VectorClock();
        c.root = parent.root;
        c.levels = parent.levels;
        c.xt = parent.xt;
        c.xv = parent.xv;
        if (parent.ot >= 0) {
            if (c.xt >= 0) {
                int moved = c.xt;
                c.xt = -1;
                c.trieSet(moved, parent.xv);
            }
            c.xt = parent.ot;
            c.xv = parent.ov;
        }
        c.ot = tid;
        c.ov = start;
        return c;
    }

    long get(int u) {
        if (u == ot) {
            return ov;
        }
        if (u == xt) {
            return xv;
        }
        return trieGet(u);
    }

    /** @return the owner's slot, or -1 for a clock without owner */
    int owner() {
        return ot;
    }

    /** @return the owner's own counter */
    long own() {
        return ov;
    }

    /** Advances the owner's counter (after a release). */
    void tick() {
        ov++;
    }

    /** @return an upper bound of the highest slot with a non-zero value, plus one */
    int size() {
        int n = root == null ? 0 : capacity(levels);
        return Math.max(n, Math.max(xt, ot) + 1);
    }

    void set(int u, long c) {
        if (u == ot) {
            ov = c;
        } else if (u == xt) {
            xv = c;
        } else {
            trieSet(u, c);
        }
    }

    /** Pointwise maximum with {@code o}; @return whether this clock changed. */
    boolean joinFrom(VectorClock o) {
        boolean changed = false;
        if (o.root != null && o.root != root) {
            if (levels < o.levels) {
                root = lift(root, levels, o.levels);
                levels = o.levels;
            }
            Node joined = join(root, levels - 1, o.root, o.levels - 1);
            if (joined != root) {
                root = joined;
                changed = true;
            }
        }
        if (o.xt >= 0) {
            changed |= raise(o.xt, o.xv);
        }
        if (o.ot >= 0) {
            changed |= raise(o.ot, o.ov);
        }
        if (xt >= 0) {
            xv = Math.max(xv, trieGet(xt));
        }
        if (ot >= 0) {
            ov = Math.max(ov, trieGet(ot));
        }
        return changed;
    }

    /**
     * @return true only if every entry of this clock is {@code <=} the same entry of {@code o}; may answer
     *         false for some clocks that are below (callers then do the general, still correct, join)
     */
    boolean leq(VectorClock o) {
        if (!leq(root, levels - 1, o.root, o.levels - 1)) {
            return false;
        }
        return (xt < 0 || xv <= o.get(xt)) && (ot < 0 || ov <= o.get(ot));
    }

    /** An independent copy, O(1): the trie is shared, the overrides are copied. */
    VectorClock frozenCopy() {
        VectorClock c = new VectorClock();
        c.root = root;
        c.levels = levels;
        c.xt = xt;
        c.xv = xv;
        c.ot = ot;
        c.ov = ov;
        return c;
    }

    /**
     * When this clock is a copy of {@code t} taken before {@code t} ticked, brings it up to date without
     * allocating; @return false when {@code t} changed otherwise (then the caller takes a fresh copy).
     */
    boolean refreshFrom(VectorClock t) {
        if (root != t.root || levels != t.levels || xt != t.xt || xv != t.xv || ot != t.ot) {
            return false;
        }
        ov = t.ov;
        return true;
    }

    /** @return whether both clocks use the very same trie (nothing copied) */
    boolean sharesTrieWith(VectorClock o) {
        return root == o.root;
    }

    private boolean raise(int u, long c) {
        if (c > get(u)) {
            set(u, c);
            return true;
        }
        return false;
    }

    private long trieGet(int u) {
        if (u >= capacity(levels)) {
            return 0L;
        }
        Node n = root;
        for (int l = levels - 1; l > 0 && n != null; l--) {
            n = n.kids[(u >>> (BITS * l)) & MASK];
        }
        return n == null ? 0L : n.vals[u & MASK];
    }

    private void trieSet(int u, long c) {
        while (u >= capacity(levels)) {
            root = lift(root, levels, levels + 1);
            levels++;
        }
        root = setIn(root, levels - 1, u, c);
    }

    private static int capacity(int levels) {
        return levels >= 6 ? Integer.MAX_VALUE : 1 << (BITS * levels);
    }

    private static Node lift(Node n, int from, int to) {
        for (int l = from; l < to && n != null; l++) {
            Node[] kids = new Node[WIDTH];
            kids[0] = n;
            n = new Node(kids);
        }
        return n;
    }

    private static Node setIn(Node n, int level, int u, long c) {
        if (level == 0) {
            long[] v = n == null ? new long[WIDTH] : n.vals.clone();
            v[u & MASK] = c;
            return new Node(v);
        }
        Node[] k = n == null ? new Node[WIDTH] : n.kids.clone();
        int i = (u >>> (BITS * level)) & MASK;
        k[i] = setIn(k[i], level - 1, u, c);
        return new Node(k);
    }

    /** Join of {@code a} (height la) and {@code b} (height lb <= la); returns a or b itself when it dominates. */
    private static Node join(Node a, int la, Node b, int lb) {
        if (b == null || a == b) {
            return a;
        }
        if (la > lb) {
            Node first = join(a == null ? null : a.kids[0], la - 1, b, lb);
            if (a != null && first == a.kids[0]) {
                return a;
            }
            Node[] k = a == null ? new Node[WIDTH] : a.kids.clone();
            k[0] = first;
            return new Node(k);
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
            return new Node(v);
        }
        Node[] out = null;
        boolean allB = true;
        for (int i = 0; i < WIDTH; i++) {
            Node x = a.kids[i];
            Node y = b.kids[i];
            Node j = join(x, la - 1, y, lb - 1);
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
        return allB ? b : new Node(out);
    }

    private static boolean leq(Node a, int la, Node b, int lb) {
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

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        int n = Math.min(size(), 1 << 20);
        for (int u = 0; u < n; u++) {
            long c = get(u);
            if (c != 0) {
                sb.append(sb.length() > 1 ? ", " : "").append(u).append(':').append(c);
            }
        }
        return sb.append(']').toString();
    }
}
