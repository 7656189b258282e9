package dev.guarded.sync.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.sync.AsyncEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Stress#threads()} virtual threads wait on an event (blocking, timed, async with timeout,
 * async cancelled at random) while 1 in 50 of them toggles it (set, clear) and interrupts arrive
 * at random; once the togglers are done the event is set for good, which must release every
 * remaining waiter. Afterwards: nobody queued, every future completed.
 */
class AsyncEventStressTest {
    private final AsyncEvent event = new AsyncEvent();
    private final AtomicInteger togglersLeft = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final ConcurrentLinkedQueue<CompletableFuture<?>> futures = new ConcurrentLinkedQueue<>();

    private void body(int i, ThreadLocalRandom r) throws Exception {
        if (i % 50 == 0) {
            try {
                for (int k = 0; k < 20; k++) {
                    event.set();
                    Thread.yield();
                    event.clear();
                }
            } finally {
                togglersLeft.decrementAndGet();
            }
            return;
        }
        switch (r.nextInt(4)) {
            case 0:
                try {
                    event.await();
                    released.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
                break;
            case 1:
                try {
                    if (event.await(Stress.shortTimeout(r))) {
                        released.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                break;
            case 2:
                futures.add(event.awaitAsync(Stress.shortTimeout(r)));
                break;
            default: {
                CompletableFuture<Void> f = event.awaitAsync();
                futures.add(f);
                if (r.nextBoolean()) {
                    f.cancel(false);
                }
            }
        }
    }

    @Test
    void everyWaiterIsReleasedOrWithdrawn() throws Exception {
        int n = Stress.threads();
        togglersLeft.set((n + 49) / 50);
        Stress.run("event", n, this::body, unfinished -> {
            while (togglersLeft.get() > 0) {
                Thread.sleep(1);
            }
            event.set(); // for good: every waiter still queued must now be released
        });
        for (CompletableFuture<?> f : futures) {
            Stress.completes("an event future", f);
        }
        assertTrue(event.isSet());
        assertEquals(0, event.queueLength());
        assertTrue(released.get() > 0, "some blocking waiter was released by a set");
    }
}
