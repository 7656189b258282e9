package com.acme.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A single-thread executor's task sleeps, then reads; the submitter writes right after submit, then get(). */
public final class SingleThreadSubmitRacy {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Long> read = pool.submit(() -> {
                Slots.pause(20);
                return Slots.get(slot);
            });
            Slots.set(slot, 42);
            read.get();
            pool.shutdown();
        }
    }
}
