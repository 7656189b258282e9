package com.acme.stale;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two tasks on one scheduler thread each read the value and schedule their continuation, which writes the old
 * value + 1: the second continuation writes back what it read before the first continuation's write.
 */
public final class ScheduledContinuationRacy {

    static int value;
    static final CountDownLatch FINISHED = new CountDownLatch(2);

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        LoopGate gate = LoopGate.hold(scheduler);
        for (int i = 0; i < 2; i++) {
            scheduler.execute(() -> {
                int read = value;
                scheduler.schedule(() -> {
                    value = read + 1;
                    FINISHED.countDown();
                }, 50, TimeUnit.MILLISECONDS);
            });
        }
        gate.open();
        FINISHED.await();   // every continuation ran: only now may the executor stop taking tasks
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
