package com.acme.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two delayed tasks of {@code newScheduledThreadPool(1)} both add to the iteration's static: one thread runs
 * them, but this factory promises no order between them.
 */
public final class SequentialScheduledRacy {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);
            pool.schedule(() -> Slots.increment(slot), 5, TimeUnit.MILLISECONDS);
            pool.schedule(() -> Slots.increment(slot), 10, TimeUnit.MILLISECONDS);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
