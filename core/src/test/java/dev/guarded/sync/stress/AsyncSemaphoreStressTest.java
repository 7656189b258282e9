package dev.guarded.sync.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.sync.AsyncBoundedSemaphore;
import dev.guarded.sync.AsyncSemaphore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Stress#threads()} virtual threads take 1 to 3 permits of a bounded semaphore through
 * every face (including releases inside callbacks while another thread cancels pending requests)
 * while being interrupted at random. A bounded semaphore makes any duplicated permit
 * fail loudly at release. Afterwards: never more permits in use than exist, all permits back, no
 * waiter queued, every future completed.
 */
class AsyncSemaphoreStressTest {
    private static final int PERMITS = 5;
    private final AsyncSemaphore semaphore = new AsyncBoundedSemaphore(PERMITS);
    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicInteger excess = new AtomicInteger();
    private final ConcurrentLinkedQueue<CompletableFuture<?>> futures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<?>> cancellable = new ConcurrentLinkedQueue<>();

    private void use(int n) {
        if (inUse.addAndGet(n) > PERMITS) {
            excess.incrementAndGet();
        }
        inUse.addAndGet(-n);
    }

    private void useAndRelease(int n) {
        use(n);
        semaphore.release(n);
    }

    private void body(int i, ThreadLocalRandom r) throws Exception {
        int n = 1 + r.nextInt(3);
        switch (r.nextInt(7)) {
            case 0:
                try {
                    semaphore.acquire(n);
                } catch (InterruptedException e) {
                    return;
                }
                useAndRelease(n);
                break;
            case 1:
                try {
                    if (!semaphore.tryAcquire(n, Stress.shortTimeout(r))) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                useAndRelease(n);
                break;
            case 2:
                if (semaphore.tryAcquire(n)) {
                    useAndRelease(n);
                }
                break;
            case 3: {
                CompletableFuture<Void> f = semaphore.acquireAsync(n, Stress.shortTimeout(r));
                futures.add(f);
                Stress.completes("acquireAsync(n, timeout)", f);
                if (!f.isCompletedExceptionally()) {
                    useAndRelease(n);
                }
                break;
            }
            case 4: {
                CompletableFuture<Void> f = semaphore.acquireAsync(n);
                futures.add(f);
                if (r.nextBoolean() && f.cancel(false)) {
                    return;
                }
                Stress.completes("acquireAsync(n)", f);
                useAndRelease(n);
                break;
            }
            case 5: {
                CompletableFuture<Void> f = semaphore.acquireAsync(n);
                futures.add(f);
                cancellable.add(f);
                futures.add(f.thenRun(() -> {
                    useAndRelease(n);
                    Stress.busy(ThreadLocalRandom.current());
                }));
                break;
            }
            default:
                futures.add(semaphore.withPermit(() -> {
                    use(1);
                    return CompletableFuture.completedFuture(null);
                }));
        }
    }

    @Test
    void permitsAreConservedAfterRandomTimeoutsCancellationsAndInterrupts() throws Exception {
        Stress.run("semaphore", Stress.threads(), this::body,
                unfinished -> Stress.cancelWhileRunning(cancellable, unfinished));
        for (CompletableFuture<?> f : futures) {
            Stress.completes("a semaphore future", f);
        }
        assertEquals(0, excess.get(), "more permits in use than exist");
        assertEquals(PERMITS, semaphore.availablePermits(), "permits lost or duplicated: " + semaphore);
        assertEquals(0, semaphore.queueLength());
        assertTrue(futures.stream().allMatch(CompletableFuture::isDone));
    }
}
