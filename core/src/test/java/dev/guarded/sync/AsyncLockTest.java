package dev.guarded.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    void unlockingAnUnlockedLockThrowsAndChangesNothing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::unlock);
        assertTrue(e.getMessage().contains("not locked"), e.getMessage());
        assertFalse(lock.isLocked());
        assertTrue(lock.tryLock());
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
    @SuppressWarnings("try") // the guard is held for its scope, never referenced
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
