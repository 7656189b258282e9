package com.acme.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Two tasks of {@code newFixedThreadPool(1)} both add to the iteration's static. One worker runs them one after
 * the other, but unlike {@code newSingleThreadExecutor} this factory promises no order between tasks.
 */
public final class SequentialExecutorRacy {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ExecutorService pool = Executors.newFixedThreadPool(1);
            pool.execute(() -> Slots.increment(slot));
            pool.execute(() -> Slots.increment(slot));
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
