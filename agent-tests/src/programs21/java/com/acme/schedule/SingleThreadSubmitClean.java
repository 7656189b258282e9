package com.acme.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link SingleThreadSubmitRacy} with the write before submit; the submitter writes again after get(). */
public final class SingleThreadSubmitClean {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Slots.set(slot, 42);
            Future<Long> read = pool.submit(() -> {
                Slots.pause(20);
                return Slots.get(slot);
            });
            Slots.set(slot, read.get() + 1);
            pool.shutdown();
        }
    }
}
