package com.acme.schedule;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link PeriodicTaskRacy} with the write before scheduling. Each run adds to the field: runs of one periodic
 * task never overlap, each follows the previous; the scheduler reads the total after the task stopped.
 */
public final class PeriodicTaskClean {

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Slots.set(slot, 5);
            ScheduledFuture<?> periodic = scheduler.scheduleAtFixedRate(() -> {
                Slots.increment(slot);
                if (Slots.get(slot) == 8) {
                    throw new IllegalStateException("stop after three runs");
                }
            }, 20, 1, TimeUnit.MILLISECONDS);
            try {
                periodic.get();
            } catch (ExecutionException expected) {
                // the third run stops the task
            }
            if (Slots.get(slot) != 8) {
                throw new IllegalStateException("runs overlapped");
            }
        }
        scheduler.shutdown();
    }
}
