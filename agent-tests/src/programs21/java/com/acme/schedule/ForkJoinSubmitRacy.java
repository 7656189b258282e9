package com.acme.schedule;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** A task submitted to a ForkJoinPool sleeps, then reads; the submitter writes right after submit, then joins. */
public final class ForkJoinSubmitRacy {

    public static void main(String[] args) {
        ForkJoinPool pool = new ForkJoinPool(2);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ForkJoinTask<Long> read = pool.submit(() -> {
                Slots.pause(20);
                return Slots.get(slot);
            });
            Slots.set(slot, 3);
            read.join();
        }
        pool.shutdown();
    }
}
