package dev.guarded.sync.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.guarded.sync.AsyncLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Stress#threads()} virtual threads lock through every face (blocking, timed, try, async
 * with timeout, async cancelled at random, withLock, async released inside its callback while
 * another thread cancels pending requests) while being interrupted at random. Afterwards:
 * mutual exclusion held, a plain counter equals the number of acquisitions, the lock is free, no
 * waiter is queued and every future completed.
 */
class AsyncLockStressTest {
    private final AsyncLock lock = new AsyncLock();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger acquisitions = new AtomicInteger();
    private final ConcurrentLinkedQueue<CompletableFuture<?>> futures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<?>> cancellable = new ConcurrentLinkedQueue<>();
    private final AtomicInteger interrupted = new AtomicInteger();
    private final AtomicInteger timedOut = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private int counter; // guarded by lock: exact only if every acquire sees the previous release

    private void critical() {
        if (inside.incrementAndGet() != 1) {
            overlaps.incrementAndGet();
        }
        counter++;
        acquisitions.incrementAndGet();
        inside.decrementAndGet();
    }

    private void criticalAndUnlock() {
        critical();
        lock.unlock();
    }

    private void body(int i, ThreadLocalRandom r) throws Exception {
        switch (r.nextInt(7)) {
            case 0:
                try {
                    lock.lock();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    return;
                }
                criticalAndUnlock();
                break;
            case 1:
                try {
                    if (!lock.tryLock(Stress.shortTimeout(r))) {
                        timedOut.incrementAndGet();
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    return;
                }
                criticalAndUnlock();
                break;
            case 2:
                if (lock.tryLock()) {
                    criticalAndUnlock();
                }
                break;
            case 3: {
                CompletableFuture<Void> f = lock.lockAsync(Stress.shortTimeout(r));
                futures.add(f);
                Stress.completes("lockAsync(timeout)", f);
                if (!f.isCompletedExceptionally()) {
                    criticalAndUnlock();
                } else {
                    timedOut.incrementAndGet();
                }
                break;
            }
            case 4: {
                CompletableFuture<Void> f = lock.lockAsync();
                futures.add(f);
                if (r.nextBoolean() && f.cancel(false)) {
                    cancelled.incrementAndGet();
                    return;
                }
                Stress.completes("lockAsync", f);
                criticalAndUnlock();
                break;
            }
            case 5: {
                // Released inside the callback: the hand-over to the next waiter is deferred until
                // the callback returns, while the coordinator may be cancelling that waiter.
                CompletableFuture<Void> f = lock.lockAsync();
                futures.add(f);
                cancellable.add(f);
                futures.add(f.thenRun(() -> {
                    criticalAndUnlock();
                    Stress.busy(ThreadLocalRandom.current());
                }));
                break;
            }
            default:
                futures.add(lock.withLock(() -> {
                    critical();
                    return CompletableFuture.completedFuture(null);
                }));
        }
    }

    @Test
    void invariantsHoldAfterRandomTimeoutsCancellationsAndInterrupts() throws Exception {
        int n = Stress.threads();
        AtomicInteger byCoordinator = new AtomicInteger();
        Stress.run("lock", n, this::body,
                unfinished -> byCoordinator.set(Stress.cancelWhileRunning(cancellable, unfinished)));
        for (CompletableFuture<?> f : futures) {
            Stress.completes("a lock future", f);
        }
        System.out.printf("stress lock outcomes: %d acquired, %d timed out, %d cancelled by owner, %d cancelled "
                + "by coordinator, %d interrupted%n", acquisitions.get(), timedOut.get(), cancelled.get(),
                byCoordinator.get(), interrupted.get());
        assertEquals(0, overlaps.get(), "two parties held the lock at once");
        assertEquals(acquisitions.get(), counter);
        assertFalse(lock.isLocked(), "lock leaked: " + lock);
        assertEquals(0, lock.queueLength());
    }
}
