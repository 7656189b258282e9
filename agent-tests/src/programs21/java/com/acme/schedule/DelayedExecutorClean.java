package com.acme.schedule;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** {@link DelayedExecutorRacy} with the write before supplyAsync and the next write after join(). */
public final class DelayedExecutorClean {

    public static void main(String[] args) {
        Executor later = CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Slots.set(slot, 4);
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> Slots.get(slot), later);
            Slots.set(slot, read.join() + 1);
        }
    }
}
