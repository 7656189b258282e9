package com.acme.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link SequentialExecutorRacy} on {@code newSingleThreadExecutor}: "tasks are guaranteed to execute
 * sequentially", so the second task happens after the first.
 */
public final class SequentialExecutorClean {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            pool.execute(() -> Slots.increment(slot));
            pool.execute(() -> Slots.increment(slot));
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS) || Slots.get(slot) != 2) {
                throw new IllegalStateException("lost an update");
            }
        }
    }
}
