package dev.guarded.sync.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.sync.AsyncBarrier;
import dev.guarded.sync.AsyncCondition;
import dev.guarded.sync.AsyncLock;
import dev.guarded.sync.AsyncSemaphore;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Chains of 1,000,000 waiters whose callbacks complete synchronously: each callback releases,
 * which hands the primitive to the next waiter, whose callback runs on the same thread. Completing
 * those callbacks by plain nesting would need about a million stack frames (a StackOverflowError);
 * the primitives queue nested completions on the releasing thread instead, so these must finish
 * with constant stack depth, in FIFO order.
 */
class SynchronousChainTest {
    private static final int N = 1_000_000;

    @Test
    void millionQueuedLockWaitersEachUnlockingInItsCallback() {
        AsyncLock lock = new AsyncLock();
        lock.lockAsync();
        int[] next = {0};
        boolean[] outOfOrder = {false};
        for (int i = 0; i < N; i++) {
            int id = i;
            lock.lockAsync().thenRun(() -> {
                outOfOrder[0] |= next[0] != id;
                next[0]++;
                lock.unlock();
            });
        }
        lock.unlock();
        assertEquals(N, next[0]);
        assertFalse(outOfOrder[0], "callbacks ran in FIFO order");
        assertFalse(lock.isLocked());
        assertEquals(0, lock.queueLength());
    }

    @Test
    void millionHandOversWhereEachCallbackReleasesAndTheNextAcquires() {
        // Two parties ping-pong: each callback unlocks (handing to the other, already queued) and
        // queues again, so every acquire is a hand-over made inside the previous callback.
        AsyncLock lock = new AsyncLock();
        int[] count = {0};
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            count[0]++;
            lock.unlock();
            if (count[0] < N) {
                lock.lockAsync().thenRun(step[0]);
            }
        };
        lock.lockAsync();
        lock.lockAsync().thenRun(step[0]);
        lock.lockAsync().thenRun(step[0]);
        lock.unlock();
        // The party that reaches N stops queueing; the other one is still queued and runs once more.
        assertEquals(N + 1, count[0]);
        assertFalse(lock.isLocked());
        assertEquals(0, lock.queueLength());
    }

    @Test
    void millionSemaphoreWaitersEachReleasingInItsCallback() {
        AsyncSemaphore s = new AsyncSemaphore(0);
        int[] done = {0};
        CompletableFuture<?> last = null;
        for (int i = 0; i < N; i++) {
            last = s.acquireAsync().thenRun(() -> {
                done[0]++;
                s.release();
            });
        }
        s.release();
        assertTrue(last.isDone());
        assertEquals(N, done[0]);
        assertEquals(1, s.availablePermits());
        assertEquals(0, s.queueLength());
    }

    @Test
    void millionConditionWaitersWokenOneByOneFromCallbacks() {
        AsyncCondition cond = new AsyncCondition();
        AsyncLock lock = cond.lock();
        int[] woken = {0};
        for (int i = 0; i < N; i++) {
            lock.lockAsync();
            cond.awaitAsync().thenRun(() -> {
                woken[0]++;
                cond.signal(); // wakes the next one, which runs after we release
                lock.unlock();
            });
        }
        lock.lockAsync();
        cond.signal();
        lock.unlock();
        assertEquals(N, woken[0]);
        assertFalse(lock.isLocked());
        assertEquals(0, cond.queueLength());
    }

    @Test
    void millionBarrierCyclesTrippedFromCallbacks() {
        AsyncBarrier b = new AsyncBarrier(2);
        int[] trips = {0};
        Runnable[] arrive = new Runnable[1];
        arrive[0] = () -> {
            if (++trips[0] < N) {
                b.awaitAsync().thenRun(arrive[0]);
                b.awaitAsync();
            }
        };
        b.awaitAsync().thenRun(arrive[0]);
        b.awaitAsync();
        assertEquals(N, trips[0]);
        assertEquals(0, b.waiting());
    }
}
