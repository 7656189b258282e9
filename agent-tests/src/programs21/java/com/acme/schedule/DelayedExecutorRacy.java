package com.acme.schedule;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A stage run by {@code CompletableFuture.delayedExecutor(30 ms)} reads what the caller writes right after. */
public final class DelayedExecutorRacy {

    public static void main(String[] args) {
        Executor later = CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> Slots.get(slot), later);
            Slots.set(slot, 4);
            read.join();
        }
    }
}
