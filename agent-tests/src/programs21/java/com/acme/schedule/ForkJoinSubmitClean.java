package com.acme.schedule;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** {@link ForkJoinSubmitRacy} with the write before submit; the submitter writes again after join(). */
public final class ForkJoinSubmitClean {

    public static void main(String[] args) {
        ForkJoinPool pool = new ForkJoinPool(2);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Slots.set(slot, 3);
            ForkJoinTask<Long> read = pool.submit(() -> {
                Slots.pause(20);
                return Slots.get(slot);
            });
            Slots.set(slot, read.join() + 1);
        }
        pool.shutdown();
    }
}
