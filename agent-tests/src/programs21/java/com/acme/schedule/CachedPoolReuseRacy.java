package com.acme.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * On a cached pool a task writes; the submitter waits until the pool is idle (so the same worker is reused)
 * and submits a task that reads. Being run by the same worker orders nothing.
 */
public final class CachedPoolReuseRacy {

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            pool.execute(() -> Slots.set(slot, 2));
            Thread.sleep(20);
            pool.submit(() -> Slots.get(slot)).get();
        }
        pool.shutdown();
    }
}
