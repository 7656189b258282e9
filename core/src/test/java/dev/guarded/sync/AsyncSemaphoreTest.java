package dev.guarded.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncSemaphoreTest {

    private static boolean granted(CompletableFuture<?> f) {
        return f.isDone() && !f.isCompletedExceptionally();
    }

    @Test
    void toStringShowsPermitsAndWaiters() {
        AsyncSemaphore s = new AsyncSemaphore(1);
        assertEquals("AsyncSemaphore[permits:1, waiters:0]", s.toString());
        s.acquireAsync();
        s.acquireAsync();
        assertEquals("AsyncSemaphore[permits:0, waiters:1]", s.toString());
        assertEquals("AsyncBoundedSemaphore[permits:2, waiters:0]", new AsyncBoundedSemaphore(2).toString());
    }

    @Test
    void badCountsAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AsyncSemaphore(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AsyncBoundedSemaphore(-3));
        AsyncSemaphore s = new AsyncSemaphore(1);
        assertThrows(IllegalArgumentException.class, () -> s.acquireAsync(-1));
        assertThrows(IllegalArgumentException.class, () -> s.tryAcquire(-1));
        assertThrows(IllegalArgumentException.class, () -> s.release(-1));
        assertThrows(IllegalArgumentException.class, () -> s.acquire(-2));
        assertEquals(1, s.availablePermits());
    }

    @Test
    void acquireAndReleaseCountPermits() {
        AsyncSemaphore s = new AsyncSemaphore(3);
        assertTrue(granted(s.acquireAsync()));
        assertTrue(s.tryAcquire(2));
        assertEquals(0, s.availablePermits());
        assertFalse(s.tryAcquire());
        s.release(2);
        assertEquals(2, s.availablePermits());
        s.release();
        assertEquals(3, s.availablePermits());
        assertTrue(s.tryAcquire(0));
    }

    @Test
    void waitersAreServedInFifoOrder() {
        AsyncSemaphore s = new AsyncSemaphore(0);
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int id = i;
            s.acquireAsync().thenRun(() -> order.add(id));
        }
        s.release();
        s.release();
        assertEquals(List.of(1, 2), order);
        s.release(2);
        assertEquals(List.of(1, 2, 3, 4), order);
    }

    @Test
    void releaseOfManyWakesEveryWaiterThePermitsSatisfy() {
        AsyncSemaphore s = new AsyncSemaphore(0);
        CompletableFuture<Void> a = s.acquireAsync();
        CompletableFuture<Void> b = s.acquireAsync(2);
        CompletableFuture<Void> c = s.acquireAsync(3);
        s.release(4);
        assertTrue(granted(a));
        assertTrue(granted(b));
        assertFalse(c.isDone(), "3 permits needed, 1 left");
        assertEquals(1, s.availablePermits());
        assertFalse(s.tryAcquire(1), "no barging past the waiting request");
        s.release(2);
        assertTrue(granted(c));
        assertEquals(0, s.availablePermits());
    }

    @Test
    void aLargeRequestAtTheHeadHoldsBackSmallerLaterOnes() {
        AsyncSemaphore s = new AsyncSemaphore(1);
        CompletableFuture<Void> big = s.acquireAsync(2);
        CompletableFuture<Void> small = s.acquireAsync(1);
        assertFalse(big.isDone());
        assertFalse(small.isDone(), "strict FIFO: 1 permit is available but the head needs 2");
        s.release();
        assertTrue(granted(big));
        assertFalse(small.isDone());
        s.release(2);
        assertTrue(granted(small));
        assertEquals(1, s.availablePermits());
    }

    @Test
    void releaserCannotReacquireAheadOfWaiters() {
        // CPython bpo-45997: a task that releases and immediately acquires again must queue.
        AsyncSemaphore s = new AsyncSemaphore(1);
        s.acquireAsync();
        CompletableFuture<Void> waiter = s.acquireAsync();
        s.release();
        assertFalse(s.tryAcquire());
        CompletableFuture<Void> again = s.acquireAsync();
        assertTrue(granted(waiter));
        assertFalse(again.isDone());
        s.release();
        assertTrue(granted(again));
    }

    @Test
    void cancellingTheHeadLetsWaitersBehindProceed() {
        AsyncSemaphore s = new AsyncSemaphore(1);
        CompletableFuture<Void> big = s.acquireAsync(2);
        CompletableFuture<Void> small = s.acquireAsync();
        assertTrue(big.cancel(false));
        assertTrue(granted(small));
        assertEquals(0, s.availablePermits());
        assertEquals(0, s.queueLength());
    }

    @Test
    void timedAcquireAsyncFailsWithTimeoutAndWithdraws() {
        AsyncSemaphore s = new AsyncSemaphore(0);
        CompletableFuture<Void> f = s.acquireAsync(Duration.ofMillis(1));
        assertInstanceOf(TimeoutException.class, assertThrows(CompletionException.class, f::join).getCause());
        Probe.until("withdrawn", () -> s.queueLength() == 0);
        s.release();
        assertEquals(1, s.availablePermits());
        assertTrue(s.acquireAsync(2, Duration.ZERO).isCompletedExceptionally());
        assertTrue(granted(s.acquireAsync(Duration.ZERO)));
    }

    @Test
    void boundedSemaphoreRejectsReleasingTooManyAndKeepsItsCount() {
        AsyncBoundedSemaphore s = new AsyncBoundedSemaphore(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::release);
        assertTrue(e.getMessage().contains("released too many times"), e.getMessage());
        assertEquals(2, s.availablePermits());
        assertTrue(s.tryAcquire(2));
        s.release();
        assertThrows(IllegalStateException.class, () -> s.release(2));
        assertEquals(1, s.availablePermits());
        s.release();
        assertEquals(2, s.availablePermits());
    }

    @Test
    void boundedSemaphoreAllowsReleasesThatFeedWaiters() {
        AsyncBoundedSemaphore s = new AsyncBoundedSemaphore(1);
        s.acquireAsync();
        CompletableFuture<Void> w = s.acquireAsync();
        s.release();
        assertTrue(granted(w));
        s.release();
        assertThrows(IllegalStateException.class, s::release);
        assertEquals(1, s.availablePermits());
    }

    @Test
    void unboundedSemaphoreRefusesToOverflow() {
        AsyncSemaphore s = new AsyncSemaphore(Integer.MAX_VALUE);
        assertThrows(IllegalStateException.class, s::release);
        assertEquals(Integer.MAX_VALUE, s.availablePermits());
    }

    @Test
    void blockingAcquireWaitsForRelease() throws Exception {
        AsyncSemaphore s = new AsyncSemaphore(0);
        Probe.Worker<Void> t = Probe.start("acq", () -> {
            s.acquire(2);
            return null;
        });
        Probe.until("queued", () -> s.queueLength() == 1);
        s.release();
        assertFalse(t.outcome.isDone());
        s.release();
        t.join();
        assertEquals(0, s.availablePermits());
    }

    @Test
    void interruptRacingWithAGrantGivesThePermitsBack() throws Exception {
        AsyncSemaphore s = new AsyncSemaphore(0);
        Probe.Worker<Void> t = Probe.start("t", () -> {
            s.acquire(2);
            return null;
        });
        Probe.until("t queued", () -> s.queueLength() == 1);
        CompletableFuture<Void> next = s.acquireAsync(2);
        Probe.insideCallback(() -> {
            s.release(2); // granted to t, completion deferred until we return
            t.thread.interrupt();
            Probe.parked(t.thread);
        });
        assertInstanceOf(InterruptedException.class, t.failure());
        assertTrue(granted(next), "t's permits moved on");
        assertEquals(0, s.availablePermits());
    }

    @Test
    void timedTryAcquireTimesOutOrSucceeds() throws Exception {
        AsyncSemaphore s = new AsyncSemaphore(0);
        assertFalse(Probe.start("t", () -> s.tryAcquire(Duration.ofMillis(5))).join());
        assertEquals(0, s.queueLength());
        Probe.Worker<Boolean> t = Probe.start("t2", () -> s.tryAcquire(2, Duration.ofMinutes(5)));
        Probe.until("queued", () -> s.queueLength() == 1);
        s.release(2);
        assertTrue(t.join());
        assertFalse(s.tryAcquire(Duration.ZERO));
    }

    @Test
    void withPermitLimitsConcurrencyAndReleases() {
        AsyncSemaphore s = new AsyncSemaphore(2);
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            int id = i;
            results.add(s.withPermit(() -> {
                running.incrementAndGet();
                return stage.thenApply(v -> {
                    running.decrementAndGet();
                    return id;
                });
            }));
        }
        assertEquals(2, running.get(), "only two actions hold a permit");
        stages.get(0).complete(null);
        assertEquals(2, running.get());
        assertEquals(0, results.get(0).join());
        stages.forEach(st -> st.complete(null));
        assertEquals(3, results.get(3).join());
        assertEquals(2, s.availablePermits());
    }

    @Test
    void concurrencyNeverExceedsPermitsAcrossVirtualThreads() throws Exception {
        AsyncSemaphore s = new AsyncSemaphore(3);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Probe.Worker<Void>> ws = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean async = i % 2 == 0;
            ws.add(Probe.start("w" + i, () -> {
                for (int r = 0; r < 20; r++) {
                    if (async) {
                        s.acquireAsync().join();
                    } else {
                        s.acquire();
                    }
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.yield();
                    inside.decrementAndGet();
                    s.release();
                }
                return null;
            }));
        }
        for (Probe.Worker<Void> w : ws) {
            w.join();
        }
        assertTrue(maxInside.get() <= 3, "max inside " + maxInside.get());
        assertEquals(3, s.availablePermits());
        assertEquals(0, s.queueLength());
    }

    @Test
    void boundedSemaphoreRejectsRequestsAboveItsBoundInEveryAcquire() {
        AsyncBoundedSemaphore sem = new AsyncBoundedSemaphore(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sem.acquireAsync(3));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sem.acquireAsync(3, java.time.Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> sem.acquire(3));
        assertThrows(IllegalArgumentException.class, () -> sem.tryAcquire(3));
        assertThrows(IllegalArgumentException.class, () -> sem.tryAcquire(3, java.time.Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> sem.guardAsync(3));
        assertEquals(0, sem.queueLength(), "nothing queued to block later acquirers");
        assertTrue(sem.acquireAsync(2).isDone(), "a request at the bound is fine");
        AsyncSemaphore unbounded = new AsyncSemaphore(2);
        CompletableFuture<Void> big = unbounded.acquireAsync(3); // can be met by a later release
        unbounded.release();
        assertTrue(big.isDone());
    }

    @Test
    void lockedAndHasWaitersFollowAsyncio() {
        AsyncSemaphore sem = new AsyncSemaphore(1);
        assertFalse(sem.locked());
        assertFalse(sem.hasWaiters());
        assertTrue(sem.tryAcquire());
        assertTrue(sem.locked(), "no permit left");
        CompletableFuture<Void> w = sem.acquireAsync();
        assertTrue(sem.hasWaiters());
        sem.release(2); // one to the waiter, one free
        assertTrue(w.isDone());
        assertFalse(sem.locked());
        assertFalse(sem.hasWaiters());
        CompletableFuture<Void> big = sem.acquireAsync(2);
        assertTrue(sem.locked(), "a permit is free but a request waits: acquiring would wait");
        big.cancel(false);
        assertFalse(sem.locked());
    }

    @Test
    void withPermitsHoldsNPermitsForTheActionAndGuardAsyncReleasesOnce() {
        AsyncSemaphore sem = new AsyncSemaphore(3);
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletableFuture<String> r = sem.withPermits(2, () -> gate);
        assertEquals(1, sem.availablePermits());
        gate.complete("done");
        assertEquals("done", r.join());
        assertEquals(3, sem.availablePermits());
        Guard g = sem.guardAsync(3).join();
        assertEquals(0, sem.availablePermits());
        CompletableFuture<Guard> queued = sem.guardAsync();
        assertFalse(queued.isDone());
        g.close();
        g.close();
        assertTrue(queued.isDone());
        assertEquals(2, sem.availablePermits(), "released once, one permit handed to the queued guard");
        queued.join().close();
        assertEquals(3, sem.availablePermits());
    }

    @Test
    void anExecutorRunsTheContinuationsOfLaterGrants() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "continuations"));
        try {
            AsyncSemaphore sem = new AsyncSemaphore(0, pool);
            CompletableFuture<String> where = sem.acquireAsync().thenApply(v -> Thread.currentThread().getName());
            sem.release();
            assertEquals("continuations", where.get(30, java.util.concurrent.TimeUnit.SECONDS));
            CompletableFuture<Void> timed = sem.acquireAsync(java.time.Duration.ofSeconds(1)); // outlives the next line
            CompletableFuture<String> timeoutWhere = timed.handle((v, e) -> Thread.currentThread().getName());
            assertEquals("continuations", timeoutWhere.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, sem.queueLength());
        } finally {
            pool.shutdown();
        }
        AsyncSemaphore afterShutdown = new AsyncSemaphore(0, pool);
        CompletableFuture<Void> w = afterShutdown.acquireAsync();
        afterShutdown.release();
        assertTrue(w.isDone(), "a rejected completion runs in the releasing thread: the grant is not lost");
    }
}
