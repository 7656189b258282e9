package dev.guarded.agent.internal.detect;

/**
 * A vector clock (slot → clock value) stored as a persistent 16-way trie, so that clocks derived from one
 * another share structure: a thread that inherited or acquired a clock and changed k entries costs
 * O(k log n) memory, not O(#threads); a join visits only subtrees that differ (identical subtrees are skipped
 * by reference), and a copy is O(1).
 *
 * <p>Two entries live outside the trie as overrides so that the hot updates never copy: the owner's own
 * counter ({@code ot}/{@code ov}, ticked at every release) and one inherited entry ({@code xt}/{@code xv}, the
 * parent's epoch at fork). Invariant: an override is never below the trie's value for its slot. Tries are
 * immutable; the object holding them is not thread-safe: a thread's clock is touched only by its thread (or
 * after it died), a sync clock only under its {@link SyncState}'s lock.
 */
final class VectorClock {

    /** The trie of the entries not held by the overrides below ({@link ClockTrie}: a bare array, or null). */
    private Object root;
    /**
     * Trie height: the root covers 16^levels slots (6 cover the 2^24 slots an epoch can name). A byte, not an
     * int: with it the object is 56 bytes instead of 64, and there is a clock per thread, task, sync object
     * and free slot.
     */
    private byte levels = 1;
    private int xt = -1;
    private long xv;
    private int ot = -1;
    private long ov;
    /**
     * Certificate: the trie is below thread {@code ct}'s whole clock at its counter {@code cv} (-1: none).
     * A clock that knows {@code cv@ct} therefore contains this trie, and a join can skip or adopt it in O(1)
     * (a child's inherited trie, a lock handed from holder to holder).
     */
    private int ct = -1;
    private long cv;
    /** Whether the whole clock is below its owner's clock at {@code ov} (a thread's clock or a copy of one). */
    private boolean ownerSnapshot = true;
    /**
     * Set by {@link ClockTrie#join} when the trie joined into this clock's gained a value: the join may return
     * the other trie's nodes for equal content, so a new root alone does not say that anything changed. Only
     * the thread that joins into this clock touches it (see the class comment). Fits in the object's padding.
     */
    boolean joinGrew;

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
        c.ct = parent.ot;
        c.cv = parent.ov;
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
        int n = root == null ? 0 : ClockTrie.capacity(levels);
        return Math.max(n, Math.max(xt, ot) + 1);
    }

    void set(int u, long c) {
        if (u == ot) {
            ov = c;
        } else if (u == xt) {
            xv = c;
        } else {
            trieSet(u, c);
            ct = -1;
        }
    }

    /** Pointwise maximum with {@code o}; @return whether this clock changed. */
    boolean joinFrom(VectorClock o) {
        if (o.ownerSnapshot && o.ot >= 0 && get(o.ot) >= o.ov) {
            return false;
        }
        boolean changed = false;
        boolean certFromO = false;
        if (o.root != null && o.root != root) {
            boolean oBelowThis = o.ct >= 0 && get(o.ct) >= o.cv;
            boolean thisBelowO = root == null || (ct >= 0 && o.get(ct) >= cv);
            if (oBelowThis) {
                certFromO = false;
            } else if (thisBelowO) {
                root = o.root;
                levels = o.levels;
                certFromO = true;
                changed = true;
            } else {
                if (levels < o.levels) {
                    root = ClockTrie.lift(root, levels, o.levels);
                    levels = o.levels;
                }
                joinGrew = false;
                root = ClockTrie.join(root, levels - 1, o.root, o.levels - 1, this);
                changed = joinGrew;
                ct = -1;
            }
        }
        boolean trieRaised = false;
        if (o.xt >= 0 && o.xv > get(o.xt)) {
            trieRaised |= raiseRaw(o.xt, o.xv);
            changed = true;
        }
        if (o.ot >= 0 && o.ov > get(o.ot)) {
            trieRaised |= raiseRaw(o.ot, o.ov);
            changed = true;
        }
        if (certFromO && o.ownerSnapshot && o.ot >= 0) {
            ct = o.ot;
            cv = o.ov;
        } else if (certFromO && !trieRaised) {
            ct = o.ct;
            cv = o.cv;
        } else if (certFromO || trieRaised) {
            ct = -1;
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
        if (!ClockTrie.leq(root, levels - 1, o.root, o.levels - 1)) {
            return false;
        }
        return (xt < 0 || xv <= o.get(xt)) && (ot < 0 || ov <= o.get(ot));
    }

    /** An independent copy, O(1): the trie is shared, the overrides are copied. */
    VectorClock frozenCopy() {
        VectorClock c = new VectorClock();
        c.assign(this);
        return c;
    }

    /** Makes this clock an independent copy of {@code o} in place, O(1) (a sync clock nobody else holds). */
    void assign(VectorClock o) {
        root = o.root;
        levels = o.levels;
        xt = o.xt;
        xv = o.xv;
        ot = o.ot;
        ov = o.ov;
        ct = o.ct;
        cv = o.cv;
        ownerSnapshot = o.ownerSnapshot;
    }

    /**
     * For a thread's own clock, called by that thread only, at a counter no release has published yet (or one
     * whose publication already carried this trie): when the trie has no certificate, certifies it by the owner's
     * current counter. Any clock that later learns that counter learned it from a release at or after it, which
     * carried a clock at least this trie (a thread's trie only grows; a slot's next occupant starts above its
     * last counter and joins its final clock).
     */
    void certifyByOwner() {
        if (ct < 0 && ot >= 0) {
            ct = ot;
            cv = ov;
        }
    }

    /** @return whether the trie carries a certificate, so that a join may adopt or skip it in O(1) (for tests) */
    boolean certified() {
        return ct >= 0;
    }

    /**
     * Marks a sync clock that other threads' clocks were joined into: it is no longer below its owner
     * entry's clock, so it must not certify tries it hands out.
     */
    void detachOwner() {
        ownerSnapshot = false;
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
        ownerSnapshot = t.ownerSnapshot;   // equal to t again in every field a certificate depends on
        return true;
    }

    /**
     * Lowers the owner's entry from {@code c} to {@code c - 1} ({@link SyncState#retractRelease}): this clock is
     * then no longer its owner's at any point, so it certifies nothing any more. @return false, changing nothing,
     * unless {@code tid} owns this clock at exactly {@code c} and the trie holds less for it
     * @param memo the owner's state: the trie is usually the owner's own (the lock's clock was its copy), and
     *     its single memo keeps the owner's entry in it, so a lock retaken again and again walks no trie
     */
    boolean retractOwner(int tid, long c, ThreadState memo) {
        if (ot != tid || ov != c) {
            return false;
        }
        Object r = root;
        long inTrie;
        if (r == null) {
            inTrie = 0;
        } else if (r == memo.memoRoot && tid == memo.memoSlot) {
            inTrie = memo.memoValue;
        } else {
            inTrie = trieGet(tid);
            memo.memoRoot = r;      // (root, slot) -> value is the same memo getMemoized keeps: tries are immutable
            memo.memoSlot = tid;
            memo.memoValue = inTrie;
        }
        if (inTrie > c - 1) {
            return false;
        }
        ov = c - 1;
        ownerSnapshot = false;
        return true;
    }

    /** @return whether both clocks use the very same trie (nothing copied) */
    boolean sharesTrieWith(VectorClock o) {
        return root == o.root;
    }

    /** Sets a raised entry; @return whether it went into the trie (not an override). */
    private boolean raiseRaw(int u, long c) {
        if (u == ot) {
            ov = c;
            return false;
        }
        if (u == xt) {
            xv = c;
            return false;
        }
        trieSet(u, c);
        return true;
    }

    private long trieGet(int u) {
        return ClockTrie.get(root, levels, u);
    }

    /**
     * As {@link #get}, remembering in {@code memo} (the thread that owns this clock, which alone calls this) the
     * last entry read from the trie: a thread checking accesses by the same other thread again and again (the
     * FastTrack rule's {@code knows}) walks a deep trie once per change of its clock, not once per access. The
     * trie is immutable, so {@code (root, slot) -> value} never goes stale while the root is the same object. The
     * memo lives in the thread's state, not here: sync objects and free slots have clocks too.
     */
    long getMemoized(int u, ThreadState memo) {
        if (u == ot || u == xt) {
            return get(u);   // the overrides change without a new root
        }
        Object r = root;
        if (r == null) {
            return 0L;
        }
        if (r == memo.memoRoot && u == memo.memoSlot) {
            return memo.memoValue;
        }
        long[] table = memo.memoTable;
        if (table != null) {
            if (memo.memoTableRoot == r) {
                long e = table[u & (MEMO_WAYS - 1)];
                if (e != -1L && Epoch.tid(e) == u) {
                    return Epoch.clock(e);
                }
            } else {
                java.util.Arrays.fill(table, -1L);
                memo.memoTableRoot = r;
            }
        } else if (r == memo.memoRoot && ++memo.memoThrash >= MEMO_THRASH) {
            table = memo.memoTable = new long[MEMO_WAYS];
            java.util.Arrays.fill(table, -1L);
            memo.memoTableRoot = r;
        }
        long v = ClockTrie.get(r, levels, u);
        memo.memoRoot = r;
        memo.memoSlot = u;
        memo.memoValue = v;
        if (table != null) {
            table[u & (MEMO_WAYS - 1)] = Epoch.make(u, v);
        }
        return v;
    }

    /** Ways of a thread's wider memo ({@link ThreadState#memoTable}), a power of two. */
    static final int MEMO_WAYS = 8;
    /** Single-memo misses under one trie after which a thread gets the wider memo. */
    static final int MEMO_THRASH = 64;

    private void trieSet(int u, long c) {
        while (u >= ClockTrie.capacity(levels)) {
            root = ClockTrie.lift(root, levels, levels + 1);
            levels++;   // a byte suffices: 6 levels cover every slot an epoch can name
        }
        root = ClockTrie.setIn(root, levels - 1, u, c);
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
