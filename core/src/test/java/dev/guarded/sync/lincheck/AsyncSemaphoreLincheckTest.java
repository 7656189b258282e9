package dev.guarded.sync.lincheck;

import dev.guarded.sync.AsyncSemaphore;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Model-checks the non-blocking operations of {@link AsyncSemaphore} (one permit initially,
 * requests of 1 or 2 permits) for linearizability against {@link SemaphoreModel}, including direct hand-over of released permits
 * to queued {@code acquireAsync} requests and strict FIFO (a queued request makes
 * {@code tryAcquire} fail). After each run {@link #permitsAreConserved()} checks that permits were
 * neither lost nor duplicated. See {@link AsyncLockLincheckTest} for why {@code acquireAsync}
 * returns nothing.
 */
@Param(name = "n", gen = IntGen.class, conf = "1:2")
public class AsyncSemaphoreLincheckTest {
    private static final int INITIAL = 1;
    private final AsyncSemaphore semaphore = new AsyncSemaphore(INITIAL);
    private final Map<CompletableFuture<Void>, Integer> futures = new ConcurrentHashMap<>();
    private final AtomicInteger tried = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();

    @Operation
    public boolean tryAcquire(@Param(name = "n") int n) {
        boolean got = semaphore.tryAcquire(n);
        if (got) {
            tried.addAndGet(n);
        }
        return got;
    }

    @Operation
    public void release(@Param(name = "n") int n) {
        semaphore.release(n);
        released.addAndGet(n);
    }

    @Operation
    public int availablePermits() {
        return semaphore.availablePermits();
    }

    @Operation
    public void acquireAsync(@Param(name = "n") int n) {
        futures.put(semaphore.acquireAsync(n), n);
    }

    @Operation
    public int queueLength() {
        return semaphore.queueLength();
    }

    /** Runs after each scenario: available = initial + released - acquired, and no waiter stranded. */
    @Validate
    public void permitsAreConserved() {
        int grantedPermits = 0;
        int pending = 0;
        for (Map.Entry<CompletableFuture<Void>, Integer> e : futures.entrySet()) {
            if (e.getKey().isDone()) {
                grantedPermits += e.getValue();
            } else {
                pending++;
            }
        }
        if (pending != semaphore.queueLength()) {
            throw new IllegalStateException(pending + " futures pending but queue length " + semaphore.queueLength());
        }
        int expected = INITIAL + released.get() - tried.get() - grantedPermits;
        if (expected != semaphore.availablePermits()) {
            throw new IllegalStateException("expected " + expected + " permits, found " + semaphore.availablePermits());
        }
    }

    @Test
    void modelCheck() {
        new ModelCheckingOptions()
                .iterations(Integer.getInteger("guarded.lincheck.iterations", 20))
                .invocationsPerIteration(Integer.getInteger("guarded.lincheck.invocations", 200))
                .threads(2)
                .actorsPerThread(3)
                .sequentialSpecification(SemaphoreModel.class)
                .check(getClass());
    }
}
