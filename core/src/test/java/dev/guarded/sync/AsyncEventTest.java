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
import org.junit.jupiter.api.Test;

class AsyncEventTest {
    private final AsyncEvent event = new AsyncEvent();

    @Test
    void toStringShowsFlagAndWaiters() {
        assertEquals("AsyncEvent[unset, waiters:0]", event.toString());
        event.awaitAsync();
        assertEquals("AsyncEvent[unset, waiters:1]", event.toString());
        event.set();
        assertEquals("AsyncEvent[set, waiters:0]", event.toString());
    }

    @Test
    void setReleasesEveryWaiter() {
        List<CompletableFuture<Void>> ws = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ws.add(event.awaitAsync());
        }
        ws.forEach(w -> assertFalse(w.isDone()));
        assertFalse(event.isSet());
        event.set();
        assertTrue(event.isSet());
        ws.forEach(w -> assertTrue(w.isDone() && !w.isCompletedExceptionally()));
    }

    @Test
    void waitOnASetEventReturnsAtOnce() throws Exception {
        event.set();
        assertTrue(event.awaitAsync().isDone());
        event.await();
        assertTrue(event.await(Duration.ZERO));
        event.set(); // idempotent
        assertTrue(event.isSet());
    }

    @Test
    void cancellingAWaitWithdrawsIt() {
        CompletableFuture<Void> w = event.awaitAsync();
        assertTrue(w.cancel(false));
        assertEquals(0, event.queueLength());
        event.set();
        assertTrue(w.isCancelled());
    }

    @Test
    void clearMakesLaterWaitsBlock() {
        event.set();
        event.clear();
        assertFalse(event.isSet());
        CompletableFuture<Void> w = event.awaitAsync();
        assertFalse(w.isDone());
        event.set();
        assertTrue(w.isDone());
    }

    @Test
    void setReleasesPresentWaitersEvenIfClearFollowsAtOnce() throws Exception {
        CompletableFuture<Void> a = event.awaitAsync();
        Probe.Worker<Boolean> b = Probe.start("blocked", () -> {
            event.await();
            return true;
        });
        Probe.until("both queued", () -> event.queueLength() == 2);
        event.set();
        event.clear();
        assertTrue(a.isDone());
        assertTrue(b.join());
        assertFalse(event.isSet());
        assertFalse(event.awaitAsync().isDone());
    }

    @Test
    void timedWaitsReportTimeout() throws Exception {
        CompletableFuture<Void> f = event.awaitAsync(Duration.ofMillis(1));
        assertInstanceOf(TimeoutException.class, assertThrows(CompletionException.class, f::join).getCause());
        assertFalse(Probe.start("t", () -> event.await(Duration.ofMillis(2))).join());
        Probe.until("withdrawn", () -> event.queueLength() == 0);
        assertTrue(event.awaitAsync(Duration.ZERO).isCompletedExceptionally());
        Probe.Worker<Boolean> t = Probe.start("t2", () -> event.await(Duration.ofMinutes(5)));
        Probe.until("queued", () -> event.queueLength() == 1);
        event.set();
        assertTrue(t.join());
        assertTrue(event.awaitAsync(Duration.ZERO).isDone());
    }

    @Test
    void interruptWithdrawsABlockedWait() throws Exception {
        Probe.Worker<Void> t = Probe.start("t", () -> {
            event.await();
            return null;
        });
        Probe.until("queued", () -> event.queueLength() == 1);
        t.thread.interrupt();
        assertInstanceOf(InterruptedException.class, t.failure());
        assertEquals(0, event.queueLength());
    }

    @Test
    void setHappensBeforeTheReleasedWait() throws Exception {
        int[] data = new int[1];
        Probe.Worker<Integer> reader = Probe.start("reader", () -> {
            event.await();
            return data[0];
        });
        Probe.until("queued", () -> event.queueLength() == 1);
        data[0] = 7;
        event.set();
        assertEquals(7, reader.join());
    }

    @Test
    void nullTimeoutIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> event.await(null));
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
    }

    @Test
    void hasWaitersAndAnExecutorForContinuations() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "continuations"));
        try {
            AsyncEvent event = new AsyncEvent(pool);
            CompletableFuture<String> where = event.awaitAsync().thenApply(v -> Thread.currentThread().getName());
            assertTrue(event.hasWaiters());
            event.set();
            assertEquals("continuations", where.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertFalse(event.hasWaiters());
        } finally {
            pool.shutdown();
        }
    }
}
