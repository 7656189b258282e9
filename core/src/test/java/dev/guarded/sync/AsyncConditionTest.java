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
        assertThrows(IllegalStateException.class, () -> cond.waitForAsync(() -> true));
        assertThrows(IllegalStateException.class, () -> cond.waitFor(() -> true));
        assertThrows(IllegalStateException.class, cond::signal);
        assertThrows(IllegalStateException.class, () -> cond.signal(2));
        assertThrows(IllegalStateException.class, cond::signalAll);
        assertFalse(lock.isLocked());
        assertEquals(0, cond.queueLength());
        lock.lockAsync();
        assertThrows(IllegalArgumentException.class, () -> cond.signal(-1));
    }

    @Test
    void cancellingAWaitCompletesItAtOnceWithoutTheLock() {
        lock.lockAsync();
        CompletableFuture<Void> w = cond.awaitAsync();
        assertFalse(lock.isLocked());
        assertTrue(w.cancel(false));
        assertTrue(w.isDone() && w.isCancelled(), "Future contract: cancel returning true means done");
        assertFalse(lock.isLocked(), "a cancelled wait does not take the lock");
        assertEquals(0, cond.queueLength());
        assertFalse(w.cancel(false), "only the first completion counts");
    }

    @Test
    void aWaitCancelledWhileTheLockIsContendedIsDoneAtOnceAndNeverTakesTheLock() {
        lock.lockAsync();
        CompletableFuture<Void> w = cond.awaitAsync();
        lock.lockAsync(); // someone else holds the lock now
        cond.signal(); // w is notified and queued for the lock
        assertEquals(1, lock.queueLength());
        assertTrue(w.cancel(false));
        assertTrue(w.isCancelled());
        assertEquals(0, lock.queueLength(), "the cancelled wait's lock request was withdrawn");
        lock.unlock();
        assertFalse(lock.isLocked());
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
        assertTrue(first.isCancelled());
        lock.unlock();
        assertEquals(List.of(2), log, "the second waiter got the notification");
        assertFalse(lock.isLocked(), "the cancelled wait did not keep the lock");
    }

    @Test
    void waitForDoesNotWaitWhenThePredicateHolds() throws Exception {
        lock.lockAsync();
        CompletableFuture<Boolean> f = cond.waitForAsync(() -> true);
        assertTrue(f.join());
        assertTrue(lock.isLocked());
        assertEquals(0, cond.queueLength());
        assertTrue(cond.waitFor(() -> true));
        assertTrue(lock.isLocked());
    }

    @Test
    void waitForReevaluatesAfterEachNotification() {
        AtomicInteger value = new AtomicInteger();
        AtomicInteger evaluations = new AtomicInteger();
        lock.lockAsync();
        CompletableFuture<Boolean> f = cond.waitForAsync(() -> {
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
    void waitForPropagatesThePredicatesExceptionHoldingTheLock() {
        lock.lockAsync();
        CompletableFuture<Boolean> f = cond.waitForAsync(() -> {
            throw new IllegalArgumentException("bad predicate");
        });
        assertInstanceOf(IllegalArgumentException.class, assertThrows(CompletionException.class, f::join).getCause());
        assertTrue(lock.isLocked());
    }

    @Test
    void cancellingWaitForWithdrawsAtOnceWithoutTheLock() {
        lock.lockAsync();
        CompletableFuture<Boolean> f = cond.waitForAsync(() -> false);
        assertEquals(1, cond.queueLength());
        assertTrue(f.cancel(false));
        assertTrue(f.isCancelled());
        assertFalse(lock.isLocked());
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
        assertFalse(cond.waitFor(() -> false, Duration.ofMillis(2)));
        assertTrue(lock.isLocked());
        assertEquals(0, cond.queueLength());
    }

    @Test
    void anAsyncTimeoutCompletesOnlyOnceTheContendedLockIsBack() {
        lock.lockAsync();
        CompletableFuture<Void> other = lock.lockAsync(); // queued: gets the lock when the wait releases it
        CompletableFuture<Void> w = cond.awaitAsync(Duration.ofMillis(1));
        assertTrue(other.isDone(), "the other party holds the lock while the timeout fires");
        Probe.until("timed out and queued for the lock", () -> lock.queueLength() == 1);
        assertFalse(w.isDone(), "must not complete before re-acquiring the lock");
        lock.unlock();
        assertInstanceOf(TimeoutException.class, assertThrows(CompletionException.class, w::join).getCause());
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
    void signalSkipsWithdrawnWaiters() {
        lock.lockAsync();
        CompletableFuture<Void> gone = cond.awaitAsync();
        List<Integer> log = new ArrayList<>();
        waiter(log, 2);
        lock.lockAsync();
        assertTrue(gone.cancel(false));
        cond.signal();
        assertTrue(gone.isCancelled());
        lock.unlock();
        assertEquals(List.of(2), log, "the single notification reached the live waiter");
    }

    @Test
    void conditionsSharingALockKeepSeparateWaiters() {
        AsyncCondition other = new AsyncCondition(lock);
        List<Integer> log = new ArrayList<>();
        waiter(log, 1);
        lock.lockAsync().thenCompose(v -> other.awaitAsync()).thenRun(() -> {
            log.add(2);
            lock.unlock();
        });
        lock.lockAsync();
        other.signal();
        lock.unlock();
        assertEquals(List.of(2), log);
        assertEquals(1, cond.queueLength());
        assertEquals(0, other.queueLength());
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

    @Test
    void notifiedWaitersReacquireInNotificationOrderBlockingAndAsyncAlike() throws Exception {
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Probe.Worker<Void> blocking = Probe.start("blocking", () -> {
            lock.lock();
            try {
                cond.await();
                order.add("blocking");
            } finally {
                lock.unlock();
            }
            return null;
        });
        Probe.until("blocking waiter queued", () -> cond.queueLength() == 1);
        lock.lock();
        cond.awaitAsync().thenRun(() -> {
            order.add("async");
            lock.unlock();
        });
        lock.lock();
        cond.signalAll(); // the blocking waiter was notified first
        assertEquals(2, lock.queueLength(), "both notified waiters queued on the lock at notification");
        lock.unlock();
        blocking.join();
        Probe.until("both re-acquired", () -> order.size() == 2);
        assertEquals(List.of("blocking", "async"), order);
        assertFalse(lock.isLocked());
    }

    @Test
    void lockViewConditionWaitsAndSignalsLikeJavaUtilConcurrent() throws Exception {
        java.util.concurrent.locks.Lock view = new AsyncLock().asLock();
        java.util.concurrent.locks.Condition ready = view.newCondition();
        boolean[] flag = new boolean[1];
        Probe.Worker<Boolean> t = Probe.start("t", () -> {
            view.lock();
            try {
                while (!flag[0]) {
                    ready.await();
                }
                return true;
            } finally {
                view.unlock();
            }
        });
        Probe.parked(t.thread);
        view.lock();
        try {
            flag[0] = true;
            ready.signalAll();
        } finally {
            view.unlock();
        }
        assertTrue(t.join());
        assertThrows(IllegalMonitorStateException.class, ready::signal, "signal without the lock");
        assertThrows(IllegalMonitorStateException.class, view::unlock);
        view.lock();
        assertTrue(ready.awaitNanos(1_000_000) <= 0, "not notified: no time left");
        assertFalse(ready.await(1, java.util.concurrent.TimeUnit.MILLISECONDS));
        assertFalse(ready.awaitUntil(new java.util.Date(System.currentTimeMillis() + 1)));
        view.unlock();
    }

    @Test
    void lockViewAwaitUninterruptiblyKeepsWaitingAndRestoresTheInterrupt() throws Exception {
        java.util.concurrent.locks.Lock view = lock.asLock();
        java.util.concurrent.locks.Condition c = view.newCondition();
        Probe.Worker<Boolean> t = Probe.start("t", () -> {
            view.lock();
            try {
                Thread.currentThread().interrupt();
                c.awaitUninterruptibly();
                return Thread.interrupted() && lock.isLocked();
            } finally {
                view.unlock();
            }
        });
        Probe.parked(t.thread);
        t.thread.interrupt();
        view.lock();
        c.signal();
        view.unlock();
        assertTrue(t.join(), "returned after the signal, holding the lock, interrupt restored");
    }
}
