package com.acme.schedule;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link AsyncOnOneThreadRacy} with the second stage an async dependent of the first. */
public final class AsyncOnOneThreadClean {

    public static void main(String[] args) {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture.runAsync(() -> Slots.increment(slot), pool)
                    .thenRunAsync(() -> Slots.increment(slot), pool)
                    .join();
            if (Slots.get(slot) != 2) {
                throw new IllegalStateException("lost an update");
            }
        }
        pool.shutdown();
    }
}
