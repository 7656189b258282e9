package dev.guarded.agent.internal.detect;

import java.util.Arrays;

/**
 * The multiset of locks a thread holds (reentrant holds counted), and an immutable sorted snapshot of its
 * distinct members that shadow records keep by reference. Touched only by its thread.
 */
final class HeldLocks {

    private static final int[] NO_COUNTS = new int[0];

    private LockRef[] refs = LockRef.NONE;
    private int[] counts = NO_COUNTS;
    private int size;
    private LockRef[] snapshot = LockRef.NONE;
    /** Memo of the last membership change, so a lock/unlock loop never allocates: base + lock = result. */
    private LockRef[] memoBase;
    private LockRef memoLock;
    private LockRef[] memoResult;

    void add(LockRef r) {
        for (int i = 0; i < size; i++) {
            if (refs[i] == r) {
                counts[i]++;
                return;
            }
        }
        if (size == refs.length) {
            refs = Arrays.copyOf(refs, size * 2 + 2);
            counts = Arrays.copyOf(counts, size * 2 + 2);
        }
        refs[size] = r;
        counts[size++] = 1;
        if (memoBase == snapshot && memoLock == r) {
            snapshot = memoResult;
        } else {
            LockRef[] base = snapshot;
            rebuild();
            memoBase = base;
            memoLock = r;
            memoResult = snapshot;
        }
    }

    /** Drops one hold; a release of a lock never seen acquired (taken before the agent started) is ignored. */
    void remove(LockRef r) {
        for (int i = 0; i < size; i++) {
            if (refs[i] == r) {
                if (--counts[i] == 0) {
                    refs[i] = refs[size - 1];
                    counts[i] = counts[size - 1];
                    refs[--size] = null;
                    if (snapshot == memoResult && r == memoLock) {
                        snapshot = memoBase;
                    } else {
                        rebuild();
                    }
                }
                return;
            }
        }
    }

    /** @return the distinct held locks sorted by id; the same array until membership changes */
    LockRef[] snapshot() {
        return snapshot;
    }

    private void rebuild() {
        LockRef[] s = Arrays.copyOf(refs, size);
        Arrays.sort(s, (x, y) -> Integer.compare(x.id, y.id));
        snapshot = s;
    }
}
