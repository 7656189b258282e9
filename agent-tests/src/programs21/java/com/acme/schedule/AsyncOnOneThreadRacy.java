package com.acme.schedule;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Two {@code supplyAsync} stages on a one-thread pool both read, yield and write; neither depends on the other. */
public final class AsyncOnOneThreadRacy {

    public static void main(String[] args) {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> Slots.increment(slot), pool);
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> Slots.increment(slot), pool);
            a.join();
            b.join();
        }
        pool.shutdown();
    }
}
