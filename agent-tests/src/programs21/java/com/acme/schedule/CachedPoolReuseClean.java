package com.acme.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link CachedPoolReuseRacy} with the writing task's future awaited before the reading task is submitted. */
public final class CachedPoolReuseClean {

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            pool.submit(() -> Slots.set(slot, 2)).get();
            Thread.sleep(20);
            pool.submit(() -> Slots.get(slot)).get();
        }
        pool.shutdown();
    }
}
