package com.acme.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link SequentialScheduledRacy} on {@code newSingleThreadScheduledExecutor}: "tasks are guaranteed to execute
 * sequentially".
 */
public final class SequentialScheduledClean {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor();
            pool.schedule(() -> Slots.increment(slot), 5, TimeUnit.MILLISECONDS);
            pool.schedule(() -> Slots.increment(slot), 10, TimeUnit.MILLISECONDS);
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS) || Slots.get(slot) != 2) {
                throw new IllegalStateException("lost an update");
            }
        }
    }
}
