package dev.guarded.sync.lincheck;

import dev.guarded.sync.AsyncCondition;
import dev.guarded.sync.AsyncLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Model-checks {@link AsyncCondition} against {@link ConditionModel}. Each operation takes the lock
 * (spinning on {@code tryLock}: a queued lock request would be completed by another thread's
 * operation, outside this one), does its work and gives the lock up; a waiter's future unlocks as
 * soon as it has re-acquired the lock, so the whole hand-over chain of a {@code signal} runs
 * inside the signalling operation. After each run {@link #notificationsAreConserved()} checks that
 * every wait is either still queued or completed normally (never lost, never failed) and that the
 * lock is free with nobody queued on it: a notified waiter whose lock request was dropped would
 * stay pending outside the condition's queue, and one queued twice would leave the lock held.
 */
public class AsyncConditionLincheckTest {
    private final AsyncCondition condition = new AsyncCondition();
    private final AsyncLock lock = condition.lock();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> waits = new ConcurrentLinkedQueue<>();

    private void lockSpinning() {
        while (!lock.tryLock()) {
            Thread.yield();
        }
    }

    @Operation
    public void waitAsync() {
        lockSpinning();
        CompletableFuture<Void> w = condition.awaitAsync(); // releases the lock
        waits.add(w);
        w.thenRun(lock::unlock);
    }

    @Operation
    public void signal() {
        lockSpinning();
        condition.signal();
        lock.unlock();
    }

    @Operation
    public void signalAll() {
        lockSpinning();
        condition.signalAll();
        lock.unlock();
    }

    @Operation
    public int queueLength() {
        return condition.queueLength();
    }

    /** Runs after each scenario: no notification lost or duplicated, the lock free. */
    @Validate
    public void notificationsAreConserved() {
        int pending = 0;
        for (CompletableFuture<Void> w : waits) {
            if (!w.isDone()) {
                pending++;
            } else if (w.isCompletedExceptionally()) {
                throw new IllegalStateException("a wait failed: " + w);
            }
        }
        if (pending != condition.queueLength()) {
            throw new IllegalStateException(pending + " waits pending but queue length " + condition.queueLength());
        }
        if (lock.isLocked() || lock.queueLength() != 0) {
            throw new IllegalStateException("the lock was not given back: " + lock);
        }
    }

    @Test
    void modelCheck() {
        new ModelCheckingOptions()
                // Fewer default iterations than the lock's (20): a scenario here runs a whole
                // hand-over chain, and the default build must stay within minutes on two cores.
                // -Dguarded.lincheck.iterations raises it for a longer search.
                .iterations(Integer.getInteger("guarded.lincheck.iterations", 8))
                .invocationsPerIteration(Integer.getInteger("guarded.lincheck.invocations", 200))
                .threads(2)
                .actorsPerThread(3)
                .sequentialSpecification(ConditionModel.class)
                .check(getClass());
    }
}
