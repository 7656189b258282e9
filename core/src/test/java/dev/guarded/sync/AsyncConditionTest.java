package dev.guarded.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncConditionTest {
    private final AsyncCondition cond = new AsyncCondition();
    private final AsyncLock lock = cond.lock();

    private static boolean ok(CompletableFuture<?> f) {
        return f.isDone() && !f.isCompletedExceptionally();
    }

    /** Locks, waits, and records {@code id} when woken (holding the lock), then unlocks. */
    private CompletableFuture<Void> waiter(List<Integer> log, int id) {
        return lock.lockAsync()
                .thenCompose(v -> cond.awaitAsync())
                .thenRun(() -> {
                    assertTrue(lock.isLocked());
                    log.add(id);
                    lock.unlock();
                });
    }

    @Test
    void awaitReleasesTheLockAndReacquiresItAfterSignal() {
        List<Integer> log = new ArrayList<>();
        CompletableFuture<Void> w = waiter(log, 1);
        assertFalse(lock.isLocked(), "the waiter released the lock");
        assertEquals(1, cond.queueLength());
        lock.lockAsync();
        cond.signal();
        assertFalse(w.isDone(), "woken, but must re-acquire the lock first");
        lock.unlock();
        assertEquals(List.of(1), log);
        assertTrue(ok(w));
        assertFalse(lock.isLocked());
    }

    @Test
    void signalWakesWaitersInFifoOrderAndSignalNWakesN() {
        List<Integer> log = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            waiter(log, i);
        }
        lock.lockAsync();
        cond.signal();
        lock.unlock();
        assertEquals(List.of(1), log);
        lock.lockAsync();
        cond.signal(2);
        lock.unlock();
        assertEquals(List.of(1, 2, 3), log);
        lock.lockAsync();
        cond.signal(0);
        lock.unlock();
        assertEquals(List.of(1, 2, 3), log);
        assertEquals(1, cond.queueLength());
    }

    @Test
    void signalAllWakesEveryWaiter() {
        List<Integer> log = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            waiter(log, i);
        }
        lock.lockAsync();
        cond.signalAll();
        lock.unlock();
        assertEquals(List.of(1, 2, 3), log);
        assertEquals(0, cond.queueLength());
    }

    @Test
    void everyOperationRequiresTheLock() {
        IllegalStateException e = assertThrows(IllegalStateException.class, cond::awaitAsync);
        assertTrue(e.getMessage().contains("requires the lock"), e.getMessage());
        assertThrows(IllegalStateException.class, cond::await);
        assertThrows(IllegalStateException.class, () -> cond.await(Duration.ofSeconds(1)));
        assertThrows(IllegalStateException.class, () -> cond.awaitUntilAsync(() -> true));
        assertThrows(IllegalStateException.class, () -> cond.awaitUntil(() -> true));
        assertThrows(IllegalStateException.class, cond::signal);
        assertThrows(IllegalStateException.class, () -> cond.signal(2));
        assertThrows(IllegalStateException.class, cond::signalAll);
        assertFalse(lock.isLocked());
        assertEquals(0, cond.queueLength());
        lock.lockAsync();
        assertThrows(IllegalArgumentException.class, () -> cond.signal(-1));
    }

    @Test
    void cancellingAWaitReacquiresTheLockBeforeCompleting() {
        lock.lockAsync();
        CompletableFuture<Void> w = cond.awaitAsync();
        assertFalse(lock.isLocked());
        assertTrue(w.cancel(false));
        assertTrue(w.isCancelled(), "the lock was free, so it completed at once");
        assertTrue(lock.isLocked(), "the cancelled waiter holds the lock again");
        assertEquals(0, cond.queueLength());
    }

    @Test
    void aCancelledWaitStaysPendingWhileTheLockIsContended() {
        lock.lockAsync();
        CompletableFuture<Void> w = cond.awaitAsync();
        lock.lockAsync(); // someone else holds the lock now
        assertTrue(w.cancel(false));
        assertFalse(w.isDone(), "cannot complete before the lock is re-acquired");
        lock.unlock();
        assertTrue(w.isCancelled());
        assertTrue(lock.isLocked());
        assertThrows(CancellationException.class, w::join);
    }

    @Test
    void aNotificationTakenByAWaiterCancelledAtTheSameMomentIsPassedOn() {
        List<Integer> log = new ArrayList<>();
        lock.lockAsync();
        CompletableFuture<Void> first = cond.awaitAsync();
        waiter(log, 2);
        lock.lockAsync();
        Probe.insideCallback(() -> {
            cond.signal(); // notifies `first`, whose completion is deferred until we return
            first.cancel(false);
        });
        lock.unlock();
        assertTrue(first.isCancelled());
        assertTrue(lock.isLocked(), "first holds the lock again after its cancellation");
        lock.unlock();
        assertEquals(List.of(2), log, "the second waiter got the notification");
    }

    @Test
    void awaitUntilDoesNotWaitWhenThePredicateHolds() throws Exception {
        lock.lockAsync();
        CompletableFuture<Boolean> f = cond.awaitUntilAsync(() -> true);
        assertTrue(f.join());
        assertTrue(lock.isLocked());
        assertEquals(0, cond.queueLength());
        assertTrue(cond.awaitUntil(() -> true));
        assertTrue(lock.isLocked());
    }

    @Test
    void awaitUntilReevaluatesAfterEachNotification() {
        AtomicInteger value = new AtomicInteger();
        AtomicInteger evaluations = new AtomicInteger();
        lock.lockAsync();
        CompletableFuture<Boolean> f = cond.awaitUntilAsync(() -> {
            evaluations.incrementAndGet();
            return value.get() >= 2;
        });
        assertFalse(f.isDone());
        for (int i = 1; i <= 2; i++) {
            lock.lockAsync();
            value.set(i);
            cond.signal();
            lock.unlock();
        }
        assertTrue(f.join());
        assertEquals(3, evaluations.get());
        assertTrue(lock.isLocked());
    }

    @Test
    void awaitUntilPropagatesThePredicatesExceptionHoldingTheLock() {
        lock.lockAsync();
        CompletableFuture<Boolean> f = cond.awaitUntilAsync(() -> {
            throw new IllegalArgumentException("bad predicate");
        });
        assertInstanceOf(IllegalArgumentException.class, assertThrows(CompletionException.class, f::join).getCause());
        assertTrue(lock.isLocked());
    }

    @Test
    void cancellingAwaitUntilWithdrawsAndKeepsTheLock() {
        lock.lockAsync();
        CompletableFuture<Boolean> f = cond.awaitUntilAsync(() -> false);
        assertEquals(1, cond.queueLength());
        assertTrue(f.cancel(false));
        assertTrue(f.isCancelled());
        assertTrue(lock.isLocked());
        assertEquals(0, cond.queueLength());
    }

    @Test
    void timedWaitsTimeOutHoldingTheLock() throws Exception {
        lock.lockAsync();
        CompletableFuture<Void> f = cond.awaitAsync(Duration.ofMillis(1));
        assertInstanceOf(TimeoutException.class, assertThrows(CompletionException.class, f::join).getCause());
        assertTrue(lock.isLocked());
        assertFalse(cond.await(Duration.ofMillis(2)));
        assertTrue(lock.isLocked());
        assertFalse(cond.await(Duration.ZERO));
        assertTrue(lock.isLocked());
        assertFalse(cond.awaitUntil(() -> false, Duration.ofMillis(2)));
        assertTrue(lock.isLocked());
        assertEquals(0, cond.queueLength());
    }

    @Test
    void blockingAwaitIsSignalledByAsyncCode() throws Exception {
        Probe.Worker<Boolean> t = Probe.start("t", () -> {
            lock.lock();
            try {
                cond.await();
                return lock.isLocked();
            } finally {
                lock.unlock();
            }
        });
        Probe.until("waiting", () -> cond.queueLength() == 1);
        lock.lockAsync().join();
        cond.signal();
        lock.unlock();
        assertTrue(t.join());
        assertFalse(lock.isLocked());
    }

    @Test
    void interruptedAwaitReacquiresTheLockBeforeThrowing() throws Exception {
        Probe.Worker<Boolean> t = Probe.start("t", () -> {
            lock.lock();
            try {
                cond.await();
                return false;
            } catch (InterruptedException e) {
                return lock.isLocked();
            } finally {
                lock.unlock();
            }
        });
        Probe.until("waiting", () -> cond.queueLength() == 1);
        lock.lock(); // contend, so t must wait for the lock after the interrupt
        t.thread.interrupt();
        Probe.until("t queued for the lock", () -> lock.queueLength() == 1);
        assertFalse(t.outcome.isDone());
        lock.unlock();
        assertTrue(t.join());
        assertFalse(lock.isLocked());
    }

    @Test
    void interruptRacingWithANotificationPassesItOn() throws Exception {
        Probe.Worker<Void> t = Probe.start("t", () -> {
            lock.lock();
            try {
                cond.await();
            } finally {
                lock.unlock();
            }
            return null;
        });
        Probe.until("t waiting", () -> cond.queueLength() == 1);
        List<Integer> log = new ArrayList<>();
        waiter(log, 2);
        lock.lock();
        Probe.insideCallback(() -> {
            cond.signal(); // notifies t; its wake-up is deferred until we return
            t.thread.interrupt();
            Probe.parked(t.thread); // t gave up, passed the notification on, waits for the lock
        });
        lock.unlock();
        assertInstanceOf(InterruptedException.class, t.failure());
        assertEquals(List.of(2), log);
        assertFalse(lock.isLocked());
    }

    @Test
    void explicitLockIsSharedAndNullIsRejected() {
        AsyncLock shared = new AsyncLock();
        AsyncCondition a = new AsyncCondition(shared);
        AsyncCondition b = new AsyncCondition(shared);
        assertSame(shared, a.lock());
        assertSame(shared, b.lock());
        assertThrows(NullPointerException.class, () -> new AsyncCondition(null));
        assertEquals("AsyncCondition[unlocked, waiters:0]", a.toString());
    }
}
