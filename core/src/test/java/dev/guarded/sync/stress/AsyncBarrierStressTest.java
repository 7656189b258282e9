package dev.guarded.sync.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.sync.AsyncBarrier;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * {@link Stress#threads()} virtual threads each arrive once at a 4-party barrier (blocking, timed,
 * async, async cancelled) while interrupts arrive at random; leavers must not break it. Once all
 * have arrived, repeated resets release the leftovers of the last, incomplete cycle. Afterwards:
 * every trip released exactly one party with each index 0..3, and every future completed.
 */
class AsyncBarrierStressTest {
    private static final int PARTIES = 4;
    private final AtomicInteger trips = new AtomicInteger();
    private final AsyncBarrier barrier = new AsyncBarrier(PARTIES, trips::incrementAndGet);
    private final AtomicIntegerArray indexCounts = new AtomicIntegerArray(PARTIES);
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger unexpected = new AtomicInteger();

    private void record(int index) {
        indexCounts.incrementAndGet(index);
    }

    private void body(int i, ThreadLocalRandom r) throws Exception {
        int mode = r.nextInt(4);
        try {
            if (mode == 0) {
                arrived.incrementAndGet();
                record(barrier.await());
            } else if (mode == 1) {
                arrived.incrementAndGet();
                record(barrier.await(Stress.shortTimeout(r)));
            } else {
                CompletableFuture<Integer> f = barrier.awaitAsync();
                arrived.incrementAndGet();
                if (mode == 3) {
                    f.cancel(false);
                }
                Stress.completes("a barrier future", f);
                record(f.join());
            }
        } catch (InterruptedException | BrokenBarrierException | TimeoutException | CancellationException e) {
            // left or broken: allowed outcomes
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof BrokenBarrierException)) {
                unexpected.incrementAndGet();
            }
        }
    }

    @Test
    void everyTripReleasesOnePartyPerIndex() throws Exception {
        int n = Stress.threads();
        Stress.run("barrier", n, this::body, unfinished -> {
            while (arrived.get() < n || unfinished.getAsInt() > 0) {
                if (arrived.get() == n) {
                    barrier.reset(); // release the incomplete last cycle
                }
                Thread.sleep(1);
            }
        });
        assertEquals(0, unexpected.get());
        int t = trips.get();
        assertTrue(t > 0, "the barrier tripped at least once");
        for (int i = 0; i < PARTIES; i++) {
            assertEquals(t, indexCounts.get(i), "index " + i + " released once per trip");
        }
        assertEquals(0, barrier.waiting());
    }
}
