package dev.guarded.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exclusive-access contract that {@link AsyncLock} and a one-permit {@link AsyncSemaphore} /
 * {@link AsyncBoundedSemaphore} share: FIFO hand-over, no barging, withdrawal by cancel, timeout
 * and interrupt, grants never lost, guards and scoped actions. Written once, run against each;
 * the per-class tests keep only what differs (reentrancy, multi-permit requests, bounds).
 */
class ExclusiveAccessContractTest {

    /** One holder at a time, through either primitive's API. */
    interface Exclusive {
        CompletableFuture<Void> acquireAsync();

        CompletableFuture<Void> acquireAsync(Duration timeout);

        void acquire() throws InterruptedException;

        boolean tryAcquire();

        boolean tryAcquire(Duration timeout) throws InterruptedException;

        void release();

        /** @return whether someone holds it */
        boolean held();

        int queueLength();

        Guard guard() throws InterruptedException;

        <T> CompletableFuture<T> with(Supplier<? extends CompletionStage<T>> action);
    }

    static Exclusive lock(AsyncLock lock) {
        return new Exclusive() {
            public CompletableFuture<Void> acquireAsync() {
                return lock.lockAsync();
            }

            public CompletableFuture<Void> acquireAsync(Duration timeout) {
                return lock.lockAsync(timeout);
            }

            public void acquire() throws InterruptedException {
                lock.lock();
            }

            public boolean tryAcquire() {
                return lock.tryLock();
            }

            public boolean tryAcquire(Duration timeout) throws InterruptedException {
                return lock.tryLock(timeout);
            }

            public void release() {
                lock.unlock();
            }

            public boolean held() {
                return lock.isLocked();
            }

            public int queueLength() {
                return lock.queueLength();
            }

            public Guard guard() throws InterruptedException {
                return lock.guard();
            }

            public <T> CompletableFuture<T> with(Supplier<? extends CompletionStage<T>> action) {
                return lock.withLock(action);
            }

            public String toString() {
                return "AsyncLock";
            }
        };
    }

    static Exclusive semaphore(AsyncSemaphore sem) {
        return new Exclusive() {
            public CompletableFuture<Void> acquireAsync() {
                return sem.acquireAsync();
            }

            public CompletableFuture<Void> acquireAsync(Duration timeout) {
                return sem.acquireAsync(timeout);
            }

            public void acquire() throws InterruptedException {
                sem.acquire();
            }

            public boolean tryAcquire() {
                return sem.tryAcquire();
            }

            public boolean tryAcquire(Duration timeout) throws InterruptedException {
                return sem.tryAcquire(timeout);
            }

            public void release() {
                sem.release();
            }

            public boolean held() {
                return sem.availablePermits() == 0;
            }

            public int queueLength() {
                return sem.queueLength();
            }

            public Guard guard() throws InterruptedException {
                return sem.guard();
            }

            public <T> CompletableFuture<T> with(Supplier<? extends CompletionStage<T>> action) {
                return sem.withPermit(action);
            }

            public String toString() {
                return sem.getClass().getSimpleName() + "(1)";
            }
        };
    }

    static Stream<Exclusive> subjects() {
        return Stream.of(lock(new AsyncLock()), semaphore(new AsyncSemaphore(1)), semaphore(new AsyncBoundedSemaphore(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void acquireWhenFreeIsImmediateAndReleaseFrees(Exclusive m) {
        assertFalse(m.held());
        CompletableFuture<Void> f = m.acquireAsync();
        assertTrue(f.isDone());
        assertTrue(m.held());
        m.release();
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void waitersAreServedInArrivalOrderOnePerRelease(Exclusive m) {
        m.acquireAsync();
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int id = i;
            m.acquireAsync().thenRun(() -> order.add(id));
        }
        assertEquals(List.of(), order);
        m.release();
        assertEquals(List.of(1), order);
        m.release();
        assertEquals(List.of(1, 2), order);
        m.release();
        assertEquals(List.of(1, 2, 3), order);
        assertTrue(m.held(), "the third waiter holds it");
        m.release();
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void cancellingAPendingAcquireWithdrawsIt(Exclusive m) {
        m.acquireAsync();
        CompletableFuture<Void> w = m.acquireAsync();
        assertTrue(w.cancel(false));
        assertTrue(w.isCancelled());
        assertEquals(0, m.queueLength());
        m.release();
        assertFalse(m.held(), "the cancelled waiter must not receive it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void cancellingAMiddleWaiterSkipsOnlyIt(Exclusive m) {
        m.acquireAsync();
        CompletableFuture<Void> a = m.acquireAsync();
        CompletableFuture<Void> b = m.acquireAsync();
        CompletableFuture<Void> c = m.acquireAsync();
        b.cancel(false);
        m.release();
        assertTrue(a.isDone() && !a.isCompletedExceptionally());
        assertFalse(c.isDone());
        m.release();
        assertTrue(c.isDone() && !c.isCompletedExceptionally());
        assertTrue(b.isCancelled());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void cancelAfterTheHandOverFailsAndTheWaiterHoldsIt(Exclusive m) {
        m.acquireAsync();
        CompletableFuture<Void> w = m.acquireAsync();
        boolean[] cancelled = new boolean[1];
        // Inside a callback the hand-over is queued, so the cancel races with a made grant.
        Probe.insideCallback(() -> {
            m.release();
            cancelled[0] = w.cancel(false);
        });
        assertFalse(cancelled[0]);
        assertTrue(w.isDone() && !w.isCompletedExceptionally());
        assertTrue(m.held());
        m.release();
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void tryAcquireNeverBargesPastWaiters(Exclusive m) {
        m.acquireAsync();
        CompletableFuture<Void> w = m.acquireAsync();
        assertFalse(m.tryAcquire());
        m.release();
        assertTrue(w.isDone());
        assertFalse(m.tryAcquire(), "it went to the waiter, not to tryAcquire");
        assertTrue(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void timedAcquireAsyncFailsWithTimeoutAndWithdraws(Exclusive m) {
        m.acquireAsync();
        CompletableFuture<Void> w = m.acquireAsync(Duration.ofMillis(1));
        CompletionException e = assertThrows(CompletionException.class, w::join);
        assertInstanceOf(TimeoutException.class, e.getCause());
        Probe.until("withdrawn", () -> m.queueLength() == 0);
        m.release();
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void zeroTimeoutFailsAtOnceWhenHeldAndSucceedsWhenFree(Exclusive m) {
        assertTrue(m.acquireAsync(Duration.ZERO).isDone());
        CompletableFuture<Void> w = m.acquireAsync(Duration.ZERO);
        assertTrue(w.isCompletedExceptionally());
        assertEquals(0, m.queueLength());
        assertThrows(NullPointerException.class, () -> m.acquireAsync(null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void timedAcquireAsyncSucceedsWhenHandedOverInTime(Exclusive m) {
        m.acquireAsync();
        CompletableFuture<Void> w = m.acquireAsync(Duration.ofMinutes(5));
        m.release();
        assertNull(w.join());
        assertTrue(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void blockingAcquireWaitsForRelease(Exclusive m) throws Exception {
        m.acquire();
        Probe.Worker<Boolean> t = Probe.start("bited", () -> {
            m.acquire();
            return m.held();
        });
        Probe.until("queued", () -> m.queueLength() == 1);
        assertFalse(t.outcome.isDone());
        m.release();
        assertTrue(t.join());
        assertTrue(m.held(), "handed to the worker");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void asyncAndBlockingWaitersShareOneFifoQueue(Exclusive m) throws Exception {
        m.acquire();
        List<String> order = new CopyOnWriteArrayList<>();
        m.acquireAsync().thenRun(() -> order.add("async1"));
        Probe.Worker<Void> t = Probe.start("biting2", () -> {
            m.acquire();
            order.add("biting2");
            return null;
        });
        Probe.until("biting queued", () -> m.queueLength() == 2);
        m.acquireAsync().thenRun(() -> order.add("async3"));
        m.release();
        assertEquals(List.of("async1"), order);
        m.release();
        t.join();
        assertEquals(List.of("async1", "biting2"), order);
        m.release();
        assertEquals(List.of("async1", "biting2", "async3"), order);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void interruptingABlockedAcquireWithdrawsIt(Exclusive m) throws Exception {
        m.acquire();
        Probe.Worker<Void> t = Probe.start("interrupted", () -> {
            m.acquire();
            return null;
        });
        Probe.until("queued", () -> m.queueLength() == 1);
        t.thread.interrupt();
        assertInstanceOf(InterruptedException.class, t.failure());
        assertEquals(0, m.queueLength());
        m.release();
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void acquireWithInterruptStatusSetThrowsWithoutAcquiring(Exclusive m) {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, m::acquire);
        assertFalse(Thread.interrupted(), "status consumed by the exception");
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void interruptRacingWithTheHandOverPassesItOn(Exclusive m) throws Exception {
        m.acquire();
        Probe.Worker<Void> t = Probe.start("t", () -> {
            m.acquire();
            return null;
        });
        Probe.until("t queued", () -> m.queueLength() == 1);
        CompletableFuture<Void> next = m.acquireAsync();
        Probe.insideCallback(() -> {
            m.release(); // hands it to t, but the hand-over is deferred until we return
            t.thread.interrupt();
            Probe.until("t saw the interrupt", () -> t.thread.getState() == Thread.State.RUNNABLE
                    || t.thread.getState() == Thread.State.WAITING);
            Probe.parked(t.thread); // t gave up, found the grant made, and waits for it
        });
        assertInstanceOf(InterruptedException.class, t.failure());
        assertTrue(next.isDone(), "t passed what it was given on to the next waiter");
        assertTrue(m.held());
        m.release();
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void timedTryAcquireTimesOutAndWithdraws(Exclusive m) throws Exception {
        m.acquire();
        Boolean got = Probe.start("timed", () -> m.tryAcquire(Duration.ofMillis(5))).join();
        assertFalse(got);
        assertEquals(0, m.queueLength());
        assertFalse(m.tryAcquire(Duration.ZERO));
        m.release();
        assertTrue(m.tryAcquire(Duration.ZERO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void timedTryAcquireSucceedsWhenReleasedMeanwhile(Exclusive m) throws Exception {
        m.acquire();
        Probe.Worker<Boolean> t = Probe.start("timed", () -> m.tryAcquire(Duration.ofMinutes(5)));
        Probe.until("queued", () -> m.queueLength() == 1);
        m.release();
        assertTrue(t.join());
        assertTrue(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void guardReleasesOnceOnClose(Exclusive m) throws Exception {
        Guard g;
        try (Guard inner = m.guard()) {
            g = inner;
            assertTrue(m.held());
        }
        assertFalse(m.held());
        m.acquire(); // someone else holds it now
        g.close(); // a second close must not release their it
        assertTrue(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void scopedActionReleasesWhenTheStageCompletes(Exclusive m) {
        CompletableFuture<String> stage = new CompletableFuture<>();
        CompletableFuture<String> r = m.with(() -> stage);
        assertTrue(m.held());
        assertFalse(r.isDone());
        stage.complete("x");
        assertEquals("x", r.join());
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void scopedActionReleasesOnFailureThrowAndNull(Exclusive m) {
        CompletableFuture<String> failed = m.with(() -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
        assertInstanceOf(IllegalStateException.class, assertThrows(CompletionException.class, failed::join).getCause());
        assertFalse(m.held());
        CompletableFuture<String> thrown = m.with(() -> {
            throw new IllegalArgumentException("bad");
        });
        assertInstanceOf(IllegalArgumentException.class, assertThrows(CompletionException.class, thrown::join).getCause());
        assertFalse(m.held());
        CompletableFuture<String> nul = m.with(() -> null);
        assertInstanceOf(NullPointerException.class, assertThrows(CompletionException.class, nul::join).getCause());
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void scopedActionsRunOneAtATimeInOrder(Exclusive m) {
        List<String> log = new ArrayList<>();
        CompletableFuture<Void> s1 = new CompletableFuture<>();
        m.with(() -> {
            log.add("1");
            return s1;
        });
        CompletableFuture<Void> r2 = m.with(() -> {
            log.add("2");
            return CompletableFuture.completedFuture(null);
        });
        assertEquals(List.of("1"), log);
        s1.complete(null);
        assertEquals(List.of("1", "2"), log);
        assertTrue(r2.isDone());
        assertFalse(m.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void cancellingAQueuedScopedActionWithdrawsAndNeverRunsIt(Exclusive m) {
        m.acquireAsync();
        boolean[] ran = new boolean[1];
        CompletableFuture<Void> r = m.with(() -> {
            ran[0] = true;
            return CompletableFuture.completedFuture(null);
        });
        assertTrue(r.cancel(false));
        assertEquals(0, m.queueLength());
        m.release();
        assertFalse(ran[0]);
        assertFalse(m.held());
    }
}
