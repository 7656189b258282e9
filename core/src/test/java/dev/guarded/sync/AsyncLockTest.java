package dev.guarded.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AsyncLockTest {
    private final AsyncLock lock = new AsyncLock();

    @Test
    void toStringShowsStateAndWaiters() {
        assertEquals("AsyncLock[unlocked, waiters:0]", lock.toString());
        assertTrue(lock.tryLock());
        assertEquals("AsyncLock[locked, waiters:0]", lock.toString());
        lock.lockAsync();
        assertEquals("AsyncLock[locked, waiters:1]", lock.toString());
    }

    @Test
    void lockAsyncOnFreeLockIsImmediateAndUnlockFrees() {
        assertFalse(lock.isLocked());
        CompletableFuture<Void> f = lock.lockAsync();
        assertTrue(f.isDone());
        assertTrue(lock.isLocked());
        lock.unlock();
        assertFalse(lock.isLocked());
    }

    @Test
    void waitersAreServedInArrivalOrderOnePerUnlock() {
        lock.lockAsync();
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int id = i;
            lock.lockAsync().thenRun(() -> order.add(id));
        }
        assertEquals(List.of(), order);
        lock.unlock();
        assertEquals(List.of(1), order);
        lock.unlock();
        assertEquals(List.of(1, 2), order);
        lock.unlock();
        assertEquals(List.of(1, 2, 3), order);
        assertTrue(lock.isLocked(), "the third waiter holds the lock");
        lock.unlock();
        assertFalse(lock.isLocked());
    }

    @Test
    void cancellingAPendingLockWithdrawsIt() {
        lock.lockAsync();
        CompletableFuture<Void> w = lock.lockAsync();
        assertTrue(w.cancel(false));
        assertTrue(w.isCancelled());
        assertEquals(0, lock.queueLength());
        lock.unlock();
        assertFalse(lock.isLocked(), "the cancelled waiter must not receive the lock");
    }

    @Test
    void cancellingAMiddleWaiterSkipsOnlyIt() {
        lock.lockAsync();
        CompletableFuture<Void> a = lock.lockAsync();
        CompletableFuture<Void> b = lock.lockAsync();
        CompletableFuture<Void> c = lock.lockAsync();
        b.cancel(false);
        lock.unlock();
        assertTrue(a.isDone() && !a.isCompletedExceptionally());
        assertFalse(c.isDone());
        lock.unlock();
        assertTrue(c.isDone() && !c.isCompletedExceptionally());
        assertTrue(b.isCancelled());
    }

    @Test
    void cancelAfterTheLockWasHandedOverFailsAndTheWaiterOwnsIt() {
        lock.lockAsync();
        CompletableFuture<Void> w = lock.lockAsync();
        boolean[] cancelled = new boolean[1];
        // Inside a callback the hand-over is queued, so the cancel races with a made grant.
        Probe.insideCallback(() -> {
            lock.unlock();
            cancelled[0] = w.cancel(false);
        });
        assertFalse(cancelled[0]);
        assertTrue(w.isDone() && !w.isCompletedExceptionally());
        assertTrue(lock.isLocked());
        lock.unlock();
        assertFalse(lock.isLocked());
    }

    @Test
    void unlockingAnUnlockedLockThrowsAndChangesNothing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::unlock);
        assertTrue(e.getMessage().contains("not locked"), e.getMessage());
        assertFalse(lock.isLocked());
        assertTrue(lock.tryLock());
    }

    @Test
    void tryLockNeverBargesPastWaiters() {
        lock.lockAsync();
        CompletableFuture<Void> w = lock.lockAsync();
        assertFalse(lock.tryLock());
        lock.unlock();
        assertTrue(w.isDone());
        assertFalse(lock.tryLock(), "the lock went to the waiter, not to tryLock");
        assertTrue(lock.isLocked());
    }

    @Test
    void lockIsNotReentrant() {
        lock.lockAsync();
        assertFalse(lock.lockAsync().isDone());
        assertFalse(lock.tryLock());
    }

    @Test
    void anyThreadMayUnlock() throws Exception {
        lock.lockAsync();
        Probe.start("unlocker", () -> {
            lock.unlock();
            return null;
        }).join();
        assertFalse(lock.isLocked());
    }

    @Test
    void timedLockAsyncFailsWithTimeoutAndWithdraws() {
        lock.lockAsync();
        CompletableFuture<Void> w = lock.lockAsync(Duration.ofMillis(1));
        CompletionException e = assertThrows(CompletionException.class, w::join);
        assertInstanceOf(TimeoutException.class, e.getCause());
        Probe.until("withdrawn", () -> lock.queueLength() == 0);
        lock.unlock();
        assertFalse(lock.isLocked());
    }

    @Test
    void zeroTimeoutFailsAtOnceWhenHeldAndSucceedsWhenFree() {
        assertTrue(lock.lockAsync(Duration.ZERO).isDone());
        CompletableFuture<Void> w = lock.lockAsync(Duration.ZERO);
        assertTrue(w.isCompletedExceptionally());
        assertEquals(0, lock.queueLength());
        assertThrows(NullPointerException.class, () -> lock.lockAsync(null));
    }

    @Test
    void timedLockAsyncSucceedsWhenHandedOverInTime() {
        lock.lockAsync();
        CompletableFuture<Void> w = lock.lockAsync(Duration.ofMinutes(5));
        lock.unlock();
        assertNull(w.join());
        assertTrue(lock.isLocked());
    }

    @Test
    void blockingLockWaitsForUnlock() throws Exception {
        lock.lock();
        Probe.Worker<Boolean> t = Probe.start("blocked", () -> {
            lock.lock();
            return lock.isLocked();
        });
        Probe.until("queued", () -> lock.queueLength() == 1);
        assertFalse(t.outcome.isDone());
        lock.unlock();
        assertTrue(t.join());
        assertTrue(lock.isLocked(), "handed to the worker");
    }

    @Test
    void asyncAndBlockingWaitersShareOneFifoQueue() throws Exception {
        lock.lock();
        List<String> order = new CopyOnWriteArrayList<>();
        lock.lockAsync().thenRun(() -> order.add("async1"));
        Probe.Worker<Void> t = Probe.start("blocking2", () -> {
            lock.lock();
            order.add("blocking2");
            return null;
        });
        Probe.until("blocking queued", () -> lock.queueLength() == 2);
        lock.lockAsync().thenRun(() -> order.add("async3"));
        lock.unlock();
        assertEquals(List.of("async1"), order);
        lock.unlock();
        t.join();
        assertEquals(List.of("async1", "blocking2"), order);
        lock.unlock();
        assertEquals(List.of("async1", "blocking2", "async3"), order);
    }

    @Test
    void interruptingABlockedLockWithdrawsIt() throws Exception {
        lock.lock();
        Probe.Worker<Void> t = Probe.start("interrupted", () -> {
            lock.lock();
            return null;
        });
        Probe.until("queued", () -> lock.queueLength() == 1);
        t.thread.interrupt();
        assertInstanceOf(InterruptedException.class, t.failure());
        assertEquals(0, lock.queueLength());
        lock.unlock();
        assertFalse(lock.isLocked());
    }

    @Test
    void lockWithInterruptStatusSetThrowsWithoutLocking() {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, lock::lock);
        assertFalse(Thread.interrupted(), "status consumed by the exception");
        assertFalse(lock.isLocked());
    }

    @Test
    void interruptRacingWithTheHandOverPassesTheLockOn() throws Exception {
        lock.lock();
        Probe.Worker<Void> t = Probe.start("t", () -> {
            lock.lock();
            return null;
        });
        Probe.until("t queued", () -> lock.queueLength() == 1);
        CompletableFuture<Void> next = lock.lockAsync();
        Probe.insideCallback(() -> {
            lock.unlock(); // hands the lock to t, but the hand-over is deferred until we return
            t.thread.interrupt();
            Probe.until("t saw the interrupt", () -> t.thread.getState() == Thread.State.RUNNABLE
                    || t.thread.getState() == Thread.State.WAITING);
            Probe.parked(t.thread); // t gave up, found the grant made, and waits for it
        });
        assertInstanceOf(InterruptedException.class, t.failure());
        assertTrue(next.isDone(), "t passed the lock it was given on to the next waiter");
        assertTrue(lock.isLocked());
        lock.unlock();
        assertFalse(lock.isLocked());
    }

    @Test
    void timedTryLockTimesOutAndWithdraws() throws Exception {
        lock.lock();
        Boolean got = Probe.start("timed", () -> lock.tryLock(Duration.ofMillis(5))).join();
        assertFalse(got);
        assertEquals(0, lock.queueLength());
        assertFalse(lock.tryLock(Duration.ZERO));
        lock.unlock();
        assertTrue(lock.tryLock(Duration.ZERO));
    }

    @Test
    void timedTryLockSucceedsWhenUnlockedMeanwhile() throws Exception {
        lock.lock();
        Probe.Worker<Boolean> t = Probe.start("timed", () -> lock.tryLock(Duration.ofMinutes(5)));
        Probe.until("queued", () -> lock.queueLength() == 1);
        lock.unlock();
        assertTrue(t.join());
        assertTrue(lock.isLocked());
    }

    @Test
    void guardUnlocksOnceOnClose() throws Exception {
        Guard g;
        try (Guard inner = lock.guard()) {
            g = inner;
            assertTrue(lock.isLocked());
        }
        assertFalse(lock.isLocked());
        lock.lock(); // someone else holds it now
        g.close(); // a second close must not release their lock
        assertTrue(lock.isLocked());
    }

    @Test
    void withLockReleasesWhenTheStageCompletes() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        CompletableFuture<String> r = lock.withLock(() -> stage);
        assertTrue(lock.isLocked());
        assertFalse(r.isDone());
        stage.complete("x");
        assertEquals("x", r.join());
        assertFalse(lock.isLocked());
    }

    @Test
    void withLockReleasesOnFailureThrowAndNull() {
        CompletableFuture<String> failed = lock.withLock(() -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
        assertInstanceOf(IllegalStateException.class, assertThrows(CompletionException.class, failed::join).getCause());
        assertFalse(lock.isLocked());
        CompletableFuture<String> thrown = lock.withLock(() -> {
            throw new IllegalArgumentException("bad");
        });
        assertInstanceOf(IllegalArgumentException.class, assertThrows(CompletionException.class, thrown::join).getCause());
        assertFalse(lock.isLocked());
        CompletableFuture<String> nul = lock.withLock(() -> null);
        assertInstanceOf(NullPointerException.class, assertThrows(CompletionException.class, nul::join).getCause());
        assertFalse(lock.isLocked());
    }

    @Test
    void withLockRunsActionsOneAtATimeInOrder() {
        List<String> log = new ArrayList<>();
        CompletableFuture<Void> s1 = new CompletableFuture<>();
        lock.withLock(() -> {
            log.add("1");
            return s1;
        });
        CompletableFuture<Void> r2 = lock.withLock(() -> {
            log.add("2");
            return CompletableFuture.completedFuture(null);
        });
        assertEquals(List.of("1"), log);
        s1.complete(null);
        assertEquals(List.of("1", "2"), log);
        assertTrue(r2.isDone());
        assertFalse(lock.isLocked());
    }

    @Test
    void cancellingAQueuedWithLockWithdrawsAndNeverRunsTheAction() {
        lock.lockAsync();
        boolean[] ran = new boolean[1];
        CompletableFuture<Void> r = lock.withLock(() -> {
            ran[0] = true;
            return CompletableFuture.completedFuture(null);
        });
        assertTrue(r.cancel(false));
        assertEquals(0, lock.queueLength());
        lock.unlock();
        assertFalse(ran[0]);
        assertFalse(lock.isLocked());
    }

    @Test
    void mutualExclusionAcrossManyVirtualThreadsAndCarriers() throws Exception {
        int threads = 200;
        int rounds = 50;
        int[] counter = new int[1]; // plain field: only the lock's happens-before makes this exact
        List<Probe.Worker<Void>> ws = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            boolean async = i % 2 == 0;
            ws.add(Probe.start("w" + i, () -> {
                for (int r = 0; r < rounds; r++) {
                    if (async) {
                        lock.lockAsync().join();
                    } else {
                        lock.lock();
                    }
                    try {
                        counter[0]++;
                    } finally {
                        lock.unlock();
                    }
                }
                return null;
            }));
        }
        for (Probe.Worker<Void> w : ws) {
            w.join();
        }
        assertEquals(threads * rounds, counter[0]);
        assertFalse(lock.isLocked());
        assertEquals(0, lock.queueLength());
    }

    @Test
    void mutualExclusionBetweenPlatformAndVirtualThreads() throws Exception {
        int[] counter = new int[1];
        Runnable work = () -> {
            for (int r = 0; r < 2_000; r++) {
                try (Guard g = lock.guard()) {
                    counter[0]++;
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(work));
            threads.add(Thread.ofVirtual().start(work));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(8 * 2_000, counter[0]);
        assertFalse(lock.isLocked());
    }

    @Test
    void unlockHappensBeforeTheAcquireItEnables() throws Exception {
        int[] data = new int[1];
        lock.lock();
        Probe.Worker<Integer> reader = Probe.start("reader", () -> {
            lock.lock();
            try {
                return data[0];
            } finally {
                lock.unlock();
            }
        });
        Probe.until("reader queued", () -> lock.queueLength() == 1);
        data[0] = 42;
        lock.unlock();
        assertEquals(42, reader.join());
    }

    @Test
    void awaitingTheFutureOfAnotherThreadsLockIsIndependent() throws ExecutionException, InterruptedException {
        CompletableFuture<Void> first = lock.lockAsync();
        assertSame(null, first.get());
        assertThrows(NullPointerException.class, () -> lock.withLock(null));
    }

    @Test
    void guardAsyncHandsOutAGuardAndHasWaitersTracksTheQueue() {
        AsyncLock lock = new AsyncLock();
        Guard first = lock.guardAsync().join();
        assertFalse(lock.hasWaiters());
        CompletableFuture<Guard> second = lock.guardAsync();
        assertTrue(lock.hasWaiters());
        assertFalse(second.isDone());
        first.close();
        assertTrue(second.isDone());
        assertFalse(lock.hasWaiters());
        second.join().close();
        assertFalse(lock.isLocked());
    }

    @Test
    void lockViewActsOnTheSameLock() throws Exception {
        AsyncLock lock = new AsyncLock();
        java.util.concurrent.locks.Lock view = lock.asLock();
        view.lock();
        assertTrue(lock.isLocked());
        assertFalse(view.tryLock());
        assertFalse(view.tryLock(1, java.util.concurrent.TimeUnit.MILLISECONDS));
        CompletableFuture<Void> queued = lock.lockAsync();
        view.unlock();
        assertTrue(queued.isDone(), "FIFO hand-over through the view");
        lock.unlock();
        assertThrows(IllegalMonitorStateException.class, view::unlock);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, view::lockInterruptibly);
        Thread.currentThread().interrupt();
        view.lock(); // Lock.lock() is not interruptible
        assertTrue(Thread.interrupted(), "the interrupt stays pending");
        view.unlock();
    }

    @Test
    void lockViewLockWaitsThroughInterrupts() throws Exception {
        AsyncLock lock = new AsyncLock();
        java.util.concurrent.locks.Lock view = lock.asLock();
        lock.lock();
        Probe.Worker<Boolean> t = Probe.start("t", () -> {
            view.lock();
            boolean interrupted = Thread.interrupted();
            view.unlock();
            return interrupted;
        });
        Probe.until("queued", () -> lock.queueLength() == 1);
        t.thread.interrupt();
        Probe.parked(t.thread);
        assertEquals(1, lock.queueLength(), "still queued after the interrupt");
        lock.unlock();
        assertTrue(t.join(), "acquired, then the interrupt was restored");
        assertFalse(lock.isLocked());
    }

    @Test
    void anExecutorRunsTheContinuationOfAHandOver() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "continuations"));
        try {
            AsyncLock lock = new AsyncLock(pool);
            assertTrue(lock.tryLock());
            CompletableFuture<String> where = lock.lockAsync().thenApply(v -> Thread.currentThread().getName());
            lock.unlock();
            assertEquals("continuations", where.get(30, java.util.concurrent.TimeUnit.SECONDS));
            lock.unlock();
        } finally {
            pool.shutdown();
        }
        assertThrows(NullPointerException.class, () -> new AsyncLock(null));
    }
}
