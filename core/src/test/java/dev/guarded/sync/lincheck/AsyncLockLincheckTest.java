package dev.guarded.sync.lincheck;

import dev.guarded.sync.AsyncLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Model-checks the non-blocking operations of {@link AsyncLock} for linearizability: Lincheck
 * explores interleavings of small concurrent scenarios and checks that the results match some
 * sequential order of the same operations on {@link LockModel}, an independent model of the
 * lock's semantics (so a barging {@code tryLock} fails the test, not only a non-atomic one).
 *
 * <p>{@code lockAsync} returns nothing: whether its future is complete is not part of one atomic
 * step (a concurrent {@code unlock} completes it just after handing over), so it is observed
 * through {@code isLocked}, {@code queueLength} and {@code tryLock}, and, after each run, by
 * {@link #grantsAreConserved()}: every queued future is either still queued or completed, and
 * grants minus unlocks equals the lock's state. {@code unlock} of a free lock throws, which is a
 * result like any other. Sizes are small so each test stays well under a minute.
 */
public class AsyncLockLincheckTest {
    private final AsyncLock lock = new AsyncLock();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> futures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tryLocks = new AtomicInteger();
    private final AtomicInteger unlocks = new AtomicInteger();

    @Operation
    public boolean tryLock() {
        boolean got = lock.tryLock();
        if (got) {
            tryLocks.incrementAndGet();
        }
        return got;
    }

    @Operation
    public void unlock() {
        lock.unlock();
        unlocks.incrementAndGet();
    }

    @Operation
    public boolean isLocked() {
        return lock.isLocked();
    }

    @Operation
    public void lockAsync() {
        futures.add(lock.lockAsync());
    }

    @Operation
    public int queueLength() {
        return lock.queueLength();
    }

    /** Runs after each scenario: no grant lost, none duplicated, no waiter stranded. */
    @Validate
    public void grantsAreConserved() {
        int granted = 0;
        for (CompletableFuture<Void> f : futures) {
            if (f.isDone()) {
                if (f.isCompletedExceptionally()) {
                    throw new IllegalStateException("a lockAsync future failed: " + f);
                }
                granted++;
            }
        }
        int pending = futures.size() - granted;
        if (pending != lock.queueLength()) {
            throw new IllegalStateException(pending + " futures pending but queue length " + lock.queueLength());
        }
        int held = tryLocks.get() + granted - unlocks.get();
        if (held != (lock.isLocked() ? 1 : 0)) {
            throw new IllegalStateException("grants - unlocks = " + held + " but isLocked=" + lock.isLocked());
        }
    }

    @Test
    void modelCheck() {
        new ModelCheckingOptions()
                .iterations(Integer.getInteger("guarded.lincheck.iterations", 20))
                .invocationsPerIteration(Integer.getInteger("guarded.lincheck.invocations", 200))
                .threads(2)
                .actorsPerThread(3)
                .sequentialSpecification(LockModel.class)
                .check(getClass());
    }
}
