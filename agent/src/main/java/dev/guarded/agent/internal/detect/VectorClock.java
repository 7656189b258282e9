package dev.guarded.agent.internal.detect;

import java.util.Arrays;

/**
 * A vector clock (slot → clock value) with copy-on-write sharing so that a thread that merely inherited its
 * parent's knowledge costs O(1), not O(#threads).
 *
 * <p>Representation: a dense {@code vals} array that may be shared with other clocks (then nobody mutates it;
 * a writer copies first), plus two overrides that live in this object only: the owner entry
 * ({@code ot}/{@code ov}, a thread's own counter, so ticking never copies) and one inherited entry
 * ({@code xt}/{@code xv}, the parent's epoch at fork). Not thread-safe: a thread's clock is touched only by its
 * thread (or after it died); a sync clock only under its {@link SyncState}'s monitor.
 */
final class VectorClock {

    private static final long[] EMPTY = new long[0];

    private long[] vals = EMPTY;
    private boolean shared = true;
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

    /**
     * A child thread's clock: the parent's knowledge (shared, not copied, unless the parent itself still
     * carries an inherited override) plus its own entry.
     */
    static VectorClock inherit(VectorClock parent, int tid, long start) {
        VectorClock c = new VectorClock();
        parent.shared = true;
        c.vals = parent.vals;
        c.xt = parent.xt;
        c.xv = parent.xv;
        if (parent.ot >= 0) {
            if (c.xt >= 0) {
                c.fold(parent.ot + 1);
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
        long[] v = vals;
        return u < v.length ? v[u] : 0L;
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

    /** @return one more than the highest slot with a possibly non-zero value */
    int size() {
        return Math.max(vals.length, Math.max(xt, ot) + 1);
    }

    void set(int u, long c) {
        if (u == ot) {
            ov = c;
        } else if (u == xt) {
            xv = c;
        } else {
            if (shared || u >= vals.length) {
                fold(u + 1);
            }
            vals[u] = c;
        }
    }

    /** Pointwise maximum with {@code o}; @return whether this clock changed. */
    boolean joinFrom(VectorClock o) {
        boolean changed = false;
        long[] v = o.vals;
        for (int u = 0; u < v.length; u++) {
            if (u != o.ot && u != o.xt && v[u] > get(u)) {
                set(u, v[u]);
                changed = true;
            }
        }
        if (o.xt >= 0 && o.xv > get(o.xt)) {
            set(o.xt, o.xv);
            changed = true;
        }
        if (o.ot >= 0 && o.ov > get(o.ot)) {
            set(o.ot, o.ov);
            changed = true;
        }
        return changed;
    }

    /** @return whether every entry of this clock is {@code <=} the same entry of {@code o} */
    boolean leq(VectorClock o) {
        long[] v = vals;
        for (int u = 0; u < v.length; u++) {
            if (u != ot && u != xt && v[u] > o.get(u)) {
                return false;
            }
        }
        return (xt < 0 || xv <= o.get(xt)) && (ot < 0 || ov <= o.get(ot));
    }

    /** An immutable-by-convention copy sharing the dense array (O(1)); both sides copy before writing it. */
    VectorClock frozenCopy() {
        VectorClock c = new VectorClock();
        shared = true;
        c.vals = vals;
        c.xt = xt;
        c.xv = xv;
        c.ot = ot;
        c.ov = ov;
        return c;
    }

    /**
     * When this clock is a copy of {@code t} taken before {@code t} ticked, brings it up to date without a new
     * allocation; @return false when the shapes differ (then the caller takes a fresh copy).
     */
    boolean refreshFrom(VectorClock t) {
        if (vals != t.vals || xt != t.xt || xv != t.xv || ot != t.ot) {
            return false;
        }
        ov = t.ov;
        return true;
    }

    /** @return how many slots this clock's own dense array holds (0 while it shares or has none) */
    int exclusiveLength() {
        return shared ? 0 : vals.length;
    }

    /** Makes {@code vals} exclusive and at least {@code minLength} long, folding the inherited override in. */
    private void fold(int minLength) {
        int len = vals.length;
        if (minLength > len) {
            len = Math.max(minLength, len + (len >> 1));
        }
        long[] copy = Arrays.copyOf(vals, Math.max(len, xt + 1));
        if (xt >= 0) {
            copy[xt] = Math.max(copy[xt], xv);
            xt = -1;
        }
        vals = copy;
        shared = false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int u = 0; u < size(); u++) {
            long c = get(u);
            if (c != 0) {
                sb.append(sb.length() > 1 ? ", " : "").append(u).append(':').append(c);
            }
        }
        return sb.append(']').toString();
    }
}
