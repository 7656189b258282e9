package dev.guarded.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AsyncBarrierTest {

    private static Throwable failureOf(CompletableFuture<?> f) {
        return assertThrows(CompletionException.class, f::join).getCause();
    }

    @Test
    void allPartiesAreReleasedWithTheirArrivalIndex() {
        AsyncBarrier b = new AsyncBarrier(3);
        CompletableFuture<Integer> f0 = b.awaitAsync();
        CompletableFuture<Integer> f1 = b.awaitAsync();
        assertFalse(f0.isDone());
        assertFalse(f1.isDone());
        CompletableFuture<Integer> f2 = b.awaitAsync();
        assertEquals(0, f0.join());
        assertEquals(1, f1.join());
        assertEquals(2, f2.join());
        assertEquals("AsyncBarrier[filling, waiters:0/3]", b.toString());
    }

    @Test
    void toStringAndWaitingFollowTheFillingState() {
        AsyncBarrier b = new AsyncBarrier(3);
        assertEquals("AsyncBarrier[filling, waiters:0/3]", b.toString());
        b.awaitAsync();
        b.awaitAsync();
        assertEquals("AsyncBarrier[filling, waiters:2/3]", b.toString());
        assertEquals(2, b.waiting());
        assertEquals(3, b.parties());
        b.abort();
        assertEquals("AsyncBarrier[broken]", b.toString());
        assertEquals(0, b.waiting());
    }

    @Test
    void partiesMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AsyncBarrier(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void aSinglePartyBarrierTripsAtEveryArrival() throws Exception {
        AsyncBarrier b = new AsyncBarrier(1);
        assertEquals(0, b.awaitAsync().join());
        assertEquals(0, b.await());
        assertEquals(0, b.awaitAsync().join());
    }

    @Test
    void theBarrierIsReusableAcrossCycles() {
        AsyncBarrier b = new AsyncBarrier(2);
        for (int cycle = 0; cycle < 3; cycle++) {
            CompletableFuture<Integer> first = b.awaitAsync();
            assertEquals(1, b.waiting());
            CompletableFuture<Integer> second = b.awaitAsync();
            assertEquals(0, first.join());
            assertEquals(1, second.join());
        }
    }

    @Test
    void theActionRunsWhileDrainingAndArrivalsThenJoinTheNextCycle() {
        AtomicReference<String> seen = new AtomicReference<>();
        List<CompletableFuture<Integer>> early = new ArrayList<>();
        AsyncBarrier[] holder = new AsyncBarrier[1];
        holder[0] = new AsyncBarrier(2, () -> {
            seen.set(holder[0].toString());
            if (early.isEmpty()) {
                early.add(holder[0].awaitAsync()); // arrives while draining: must wait for the next cycle
            }
        });
        AsyncBarrier b = holder[0];
        CompletableFuture<Integer> a = b.awaitAsync();
        CompletableFuture<Integer> c = b.awaitAsync();
        assertEquals("AsyncBarrier[draining, waiters:0/2]", seen.get());
        assertEquals(0, a.join());
        assertEquals(1, c.join());
        assertFalse(early.get(0).isDone());
        assertEquals(1, b.waiting(), "the early arrival is the first of the next cycle");
        assertEquals(1, b.awaitAsync().join());
        assertEquals(0, early.get(0).join());
    }

    @Test
    void aPartyCancelledWhileFillingJustLeaves() {
        AsyncBarrier b = new AsyncBarrier(2);
        CompletableFuture<Integer> gone = b.awaitAsync();
        assertTrue(gone.cancel(false));
        assertEquals(0, b.waiting());
        assertFalse(b.isBroken());
        CompletableFuture<Integer> x = b.awaitAsync();
        CompletableFuture<Integer> y = b.awaitAsync();
        assertEquals(0, x.join());
        assertEquals(1, y.join());
    }

    @Test
    void indicesStayUniqueWhenAPartyLeftMidCycle() {
        AsyncBarrier b = new AsyncBarrier(3);
        CompletableFuture<Integer> a = b.awaitAsync();
        CompletableFuture<Integer> leaver = b.awaitAsync();
        assertTrue(leaver.cancel(false));
        CompletableFuture<Integer> c = b.awaitAsync();
        assertFalse(c.isDone(), "only two parties are present");
        CompletableFuture<Integer> d = b.awaitAsync();
        assertEquals(List.of(0, 1, 2), List.of(a.join(), c.join(), d.join()));
    }

    @Test
    void resetBreaksCurrentWaitersAndRefills() {
        AsyncBarrier b = new AsyncBarrier(3);
        b.reset(); // nothing waiting: stays filling
        assertEquals("AsyncBarrier[filling, waiters:0/3]", b.toString());
        CompletableFuture<Integer> a = b.awaitAsync();
        CompletableFuture<Integer> c = b.awaitAsync();
        b.reset();
        assertInstanceOf(BrokenBarrierException.class, failureOf(a));
        assertInstanceOf(BrokenBarrierException.class, failureOf(c));
        assertFalse(b.isBroken());
        assertEquals(0, b.waiting());
        List<CompletableFuture<Integer>> next = List.of(b.awaitAsync(), b.awaitAsync(), b.awaitAsync());
        assertEquals(List.of(0, 1, 2), next.stream().map(CompletableFuture::join).toList());
    }

    @Test
    void partiesBrokenByAResetCanArriveAgainAndCompleteACycle() {
        AsyncBarrier b = new AsyncBarrier(2);
        List<CompletableFuture<Integer>> second = new ArrayList<>();
        CompletableFuture<Integer> first = b.awaitAsync();
        first.whenComplete((v, e) -> second.add(b.awaitAsync())); // re-arrive after the break
        b.reset();
        assertInstanceOf(BrokenBarrierException.class, failureOf(first));
        assertEquals(1, b.waiting(), "the broken party arrived again");
        CompletableFuture<Integer> partner = b.awaitAsync();
        assertEquals(0, second.get(0).join());
        assertEquals(1, partner.join());
    }

    @Test
    void resetWhileDrainingDoesNotAffectTheReleasedParties() {
        AsyncBarrier[] holder = new AsyncBarrier[1];
        holder[0] = new AsyncBarrier(2, () -> holder[0].reset());
        CompletableFuture<Integer> a = holder[0].awaitAsync();
        CompletableFuture<Integer> c = holder[0].awaitAsync();
        assertEquals(0, a.join());
        assertEquals(1, c.join());
        assertFalse(holder[0].isBroken());
    }

    @Test
    void abortBreaksWaitersAndLaterArrivalsUntilReset() throws Exception {
        AsyncBarrier b = new AsyncBarrier(3);
        CompletableFuture<Integer> a = b.awaitAsync();
        b.abort();
        assertTrue(b.isBroken());
        assertInstanceOf(BrokenBarrierException.class, failureOf(a));
        assertInstanceOf(BrokenBarrierException.class, failureOf(b.awaitAsync()));
        assertThrows(BrokenBarrierException.class, b::await);
        b.reset();
        assertFalse(b.isBroken());
        assertEquals("AsyncBarrier[filling, waiters:0/3]", b.toString());
        CompletableFuture<Integer> x = b.awaitAsync();
        b.awaitAsync();
        b.awaitAsync();
        assertEquals(0, x.join());
    }

    @Test
    void abortDuringDrainingBreaksTheEarlyArrivalsOnly() {
        List<CompletableFuture<Integer>> early = new ArrayList<>();
        AsyncBarrier[] holder = new AsyncBarrier[1];
        holder[0] = new AsyncBarrier(2, () -> {
            early.add(holder[0].awaitAsync());
            holder[0].abort();
        });
        CompletableFuture<Integer> a = holder[0].awaitAsync();
        CompletableFuture<Integer> c = holder[0].awaitAsync();
        assertEquals(0, a.join());
        assertEquals(1, c.join());
        assertInstanceOf(BrokenBarrierException.class, failureOf(early.get(0)));
        assertTrue(holder[0].isBroken());
    }

    @Test
    void aFailingActionBreaksTheBarrier() {
        AsyncBarrier b = new AsyncBarrier(2, () -> {
            throw new IllegalStateException("action failed");
        });
        CompletableFuture<Integer> a = b.awaitAsync();
        CompletableFuture<Integer> last = b.awaitAsync();
        assertInstanceOf(BrokenBarrierException.class, failureOf(a));
        assertInstanceOf(IllegalStateException.class, failureOf(last));
        assertTrue(b.isBroken());
        b.reset();
        assertFalse(b.isBroken());
    }

    @Test
    void blockingAndAsyncPartiesMeet() throws Exception {
        AsyncBarrier b = new AsyncBarrier(3);
        Probe.Worker<Integer> t0 = Probe.start("t0", b::await);
        Probe.until("t0 arrived", () -> b.waiting() == 1);
        CompletableFuture<Integer> a1 = b.awaitAsync();
        Probe.Worker<Integer> t2 = Probe.start("t2", () -> b.await(Duration.ofMinutes(5)));
        assertEquals(0, t0.join());
        assertEquals(1, a1.join());
        assertEquals(2, t2.join());
    }

    @Test
    void allArrivalsHappenBeforeAnyReturn() throws Exception {
        int parties = 8;
        int[] written = new int[parties];
        AsyncBarrier b = new AsyncBarrier(parties);
        List<Probe.Worker<Integer>> ws = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            int id = i;
            ws.add(Probe.start("p" + i, () -> {
                written[id] = id + 1;
                b.await();
                int sum = 0;
                for (int v : written) {
                    sum += v;
                }
                return sum;
            }));
        }
        for (Probe.Worker<Integer> w : ws) {
            assertEquals(parties * (parties + 1) / 2, w.join());
        }
    }

    @Test
    void interruptWhileFillingLeavesWithoutBreaking() throws Exception {
        AsyncBarrier b = new AsyncBarrier(2);
        Probe.Worker<Integer> t = Probe.start("t", b::await);
        Probe.until("arrived", () -> b.waiting() == 1);
        t.thread.interrupt();
        assertInstanceOf(InterruptedException.class, t.failure());
        assertEquals(0, b.waiting());
        assertFalse(b.isBroken());
    }

    @Test
    void timedAwaitTimesOutAndLeavesWithoutBreaking() throws Exception {
        AsyncBarrier b = new AsyncBarrier(2);
        Probe.Worker<Integer> t = Probe.start("t", () -> b.await(Duration.ofMillis(2)));
        assertInstanceOf(TimeoutException.class, t.failure());
        assertEquals(0, b.waiting());
        assertFalse(b.isBroken());
    }

    @Test
    void blockedPartyGetsBrokenBarrierOnReset() throws Exception {
        AsyncBarrier b = new AsyncBarrier(2);
        Probe.Worker<Integer> t = Probe.start("t", b::await);
        Probe.until("arrived", () -> b.waiting() == 1);
        b.reset();
        assertInstanceOf(BrokenBarrierException.class, t.failure());
    }

    @Test
    void timedAsyncWaitLeavesOnTimeoutWithoutBreaking() {
        AsyncBarrier barrier = new AsyncBarrier(2);
        CompletableFuture<Integer> f = barrier.awaitAsync(java.time.Duration.ofMillis(1));
        java.util.concurrent.CompletionException e = assertThrows(java.util.concurrent.CompletionException.class, f::join);
        assertTrue(e.getCause() instanceof java.util.concurrent.TimeoutException, e.toString());
        assertEquals(0, barrier.waiting(), "the party left");
        assertFalse(barrier.isBroken());
        assertTrue(barrier.awaitAsync(java.time.Duration.ZERO).isCompletedExceptionally(), "zero: only if it trips");
        CompletableFuture<Integer> a = barrier.awaitAsync(java.time.Duration.ofSeconds(30));
        assertTrue(barrier.hasWaiters());
        CompletableFuture<Integer> b = barrier.awaitAsync(java.time.Duration.ZERO);
        assertEquals(0, a.join());
        assertEquals(1, b.join());
        assertFalse(barrier.hasWaiters());
    }
}
