package dev.guarded.sync.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.guarded.sync.AsyncCondition;
import dev.guarded.sync.AsyncLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Producers and consumers share a counter under an {@link AsyncCondition}: 1 in 3 of
 * {@link Stress#threads()} virtual threads produce an item and signal; the others consume one,
 * waiting (blocking, timed, until-predicate, async, async cancelled) while interrupts arrive at
 * random. Every wait must hold the lock when it returns, whatever its outcome. When production ends
 * the condition is closed, which must wake every remaining consumer. Afterwards: consumed + left =
 * produced, the lock is free, nobody waits.
 */
class AsyncConditionStressTest {
    private final AsyncCondition cond = new AsyncCondition();
    private final AsyncLock lock = cond.lock();
    private final AtomicInteger producersLeft = new AtomicInteger();
    private final AtomicInteger notHeld = new AtomicInteger();
    private final AtomicInteger cancelledNotDone = new AtomicInteger();
    private int items; // guarded by lock
    private int produced; // guarded by lock
    private int consumed; // guarded by lock
    private boolean closed; // guarded by lock

    private void checkHeldThenConsume() {
        if (!lock.isLocked()) {
            notHeld.incrementAndGet();
        }
        if (items > 0) {
            items--;
            consumed++;
        }
    }

    private void produce() throws InterruptedException {
        lock.lock();
        try {
            items++;
            produced++;
            cond.signal();
        } finally {
            lock.unlock();
        }
    }

    private void consume(ThreadLocalRandom r) throws Exception {
        int mode = r.nextInt(5);
        if (mode >= 3) {
            Stress.completes("lockAsync", lock.lockAsync());
            CompletableFuture<?> w = mode == 3 ? cond.waitForAsync(() -> items > 0 || closed) : cond.awaitAsync();
            if (r.nextBoolean() && w.cancel(false)) {
                if (!w.isCancelled()) {
                    cancelledNotDone.incrementAndGet(); // Future contract: cancel == true means done
                }
                return; // a cancelled wait does not hold the lock
            }
            Stress.completes("a condition wait", w); // completes only once the lock is held again
            checkHeldThenConsume();
            lock.unlock();
            return;
        }
        try {
            lock.lock();
        } catch (InterruptedException e) {
            return;
        }
        try {
            if (mode == 0) {
                cond.waitFor(() -> items > 0 || closed);
            } else if (mode == 1) {
                while (items == 0 && !closed) {
                    cond.await();
                }
            } else {
                cond.await(Stress.shortTimeout(r));
            }
            checkHeldThenConsume();
        } catch (InterruptedException e) {
            checkHeldThenConsume(); // interrupted waits return holding the lock too
        } finally {
            lock.unlock();
        }
    }

    private void body(int i, ThreadLocalRandom r) throws Exception {
        if (i % 3 == 0) {
            try {
                produce();
            } catch (InterruptedException e) {
                // interrupted before producing: nothing produced
            } finally {
                producersLeft.decrementAndGet();
            }
        } else {
            consume(r);
        }
    }

    @Test
    void itemsAreConservedAndEveryWaitReturnsHoldingTheLock() throws Exception {
        int n = Stress.threads();
        producersLeft.set((n + 2) / 3);
        Stress.run("condition", n, this::body, unfinished -> {
            while (producersLeft.get() > 0) {
                Thread.sleep(1);
            }
            CompletableFuture<Void> mine = lock.lockAsync();
            Stress.completes("the closing lock", mine);
            closed = true;
            cond.signalAll();
            lock.unlock();
        });
        lock.lock();
        try {
            assertEquals(0, notHeld.get(), "a wait returned without the lock");
            assertEquals(0, cancelledNotDone.get(), "a cancel returned true on a future that was not done");
            assertEquals(produced, consumed + items);
            assertEquals(0, cond.queueLength());
        } finally {
            lock.unlock();
        }
        assertFalse(lock.isLocked());
        assertEquals(0, lock.queueLength());
    }
}
