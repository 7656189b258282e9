package com.acme.stale;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Two tasks on one scheduler thread each schedule a continuation that reads and writes without suspending. */
public final class ScheduledContinuationClean {

    static int value;
    static final CountDownLatch FINISHED = new CountDownLatch(2);

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        for (int i = 0; i < 2; i++) {
            scheduler.execute(() -> scheduler.schedule(() -> {
                value = value + 1;
                FINISHED.countDown();
            }, 50, TimeUnit.MILLISECONDS));
        }
        FINISHED.await();   // every continuation ran: only now may the executor stop taking tasks
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        if (value != 2) {
            throw new AssertionError(value);
        }
    }
}
