package com.acme.schedule;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A periodic task (first run after 20 ms) reads the field that the scheduling thread writes after scheduling. */
public final class PeriodicTaskRacy {

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            long[] runs = new long[1];
            ScheduledFuture<?> periodic = scheduler.scheduleWithFixedDelay(() -> {
                if (Slots.get(slot) >= 0 && ++runs[0] == 3) {
                    throw new IllegalStateException("stop after three runs");
                }
            }, 20, 1, TimeUnit.MILLISECONDS);
            Slots.set(slot, 5);
            try {
                periodic.get();
            } catch (ExecutionException expected) {
                // the third run stops the task
            }
        }
        scheduler.shutdown();
    }
}
