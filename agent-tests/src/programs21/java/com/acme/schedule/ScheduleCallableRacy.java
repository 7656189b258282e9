package com.acme.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A callable scheduled in 30 ms reads the field that the scheduling thread writes right after scheduling. */
public final class ScheduleCallableRacy {

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ScheduledFuture<Long> read = scheduler.schedule(() -> Slots.get(slot), 30, TimeUnit.MILLISECONDS);
            Slots.set(slot, 7);
            read.get();
        }
        scheduler.shutdown();
    }
}
