package com.acme.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link ScheduleCallableRacy} with the write before schedule(); the scheduler writes again after get(). */
public final class ScheduleCallableClean {

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Slots.set(slot, 7);
            ScheduledFuture<Long> read = scheduler.schedule(() -> Slots.get(slot), 30, TimeUnit.MILLISECONDS);
            Slots.set(slot, read.get() + 1);
        }
        scheduler.shutdown();
    }
}
