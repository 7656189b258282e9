package dev.guarded.agent.internal.detect;

/**
 * The detector's name for one lock object, without a reference to it: a dense id (locksets are sorted
 * arrays of these) and the text reports print, {@code java.util.concurrent.locks.ReentrantLock@1b6d3586}.
 */
final class LockRef {

    static final LockRef[] NONE = new LockRef[0];

    final int id;
    private final String className;
    private final int identity;

    LockRef(int id, Object lock) {
        this.id = id;
        this.className = lock.getClass().getName();
        this.identity = System.identityHashCode(lock);
    }

    /**
     * Intersection of two locksets sorted by id; returns {@code a} itself when nothing was removed, so that
     * a stable candidate set costs no allocation.
     */
    static LockRef[] intersect(LockRef[] a, LockRef[] b) {
        if (a == b || a.length == 0) {
            return a;
        }
        int kept = 0;
        for (LockRef r : a) {
            if (contains(b, r)) {
                kept++;
            }
        }
        if (kept == a.length) {
            return a;
        }
        LockRef[] out = new LockRef[kept];
        int k = 0;
        for (LockRef r : a) {
            if (contains(b, r)) {
                out[k++] = r;
            }
        }
        return out;
    }

    static boolean contains(LockRef[] set, LockRef r) {
        for (LockRef x : set) {
            if (x == r) {
                return true;
            }
        }
        return false;
    }

    static java.util.List<String> names(LockRef[] set) {
        java.util.List<String> out = new java.util.ArrayList<>(set == null ? 0 : set.length);
        if (set != null) {
            for (LockRef r : set) {
                out.add(r.toString());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return className + "@" + Integer.toHexString(identity);
    }
}
