package dev.guarded.agent.internal.detect;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * Mutual exclusion of a sync state's lock bit ({@link SyncState#lock}, {@link SyncState#tryLock},
 * {@link SyncState#unlock}): a counter whose increment is a plain read and a plain write, made under the lock
 * taken either way, must behave as an atomic counter. The compare-and-set way ({@code tryLock}, a retracted
 * release's) may decline; the operation then takes the waiting way, so the count stays deterministic.
 */
public class SyncStateLockLincheckTest {

    /** An epoch as a release would leave it in the word: {@code tryLock} takes the lock only from this value. */
    private static final long DOM = Epoch.make(3, 7);

    private final SyncState state = new SyncState();
    private long count;

    public SyncStateLockLincheckTest() {
        state.unlock(DOM);
    }

    @Operation
    public long increment() {
        long dom = state.lock();
        try {
            return bump();
        } finally {
            state.unlock(dom);
        }
    }

    @Operation
    public long incrementIfUnlocked() {
        if (!state.tryLock(DOM)) {
            return increment();
        }
        try {
            return bump();
        } finally {
            state.unlock(DOM);
        }
    }

    /** The guarded update: a plain read and a plain write, which two threads at once would lose. */
    private long bump() {
        long next = count + 1;
        count = next;
        return next;
    }

    @Operation
    public long get() {
        long dom = state.lock();
        try {
            return count;
        } finally {
            state.unlock(dom);
        }
    }

    @Test
    void modelCheck() {
        LincheckRuns.modelCheck(getClass(), 3, 3);
    }

    @Test
    void stress() {
        LincheckRuns.stress(getClass(), 3, 3);
    }
}
