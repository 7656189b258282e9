package com.acme.schedule;

import java.util.concurrent.CompletableFuture;

/** {@link CommonPoolRunAsyncRacy} with each task chained after the previous one (thenRunAsync). */
public final class CommonPoolRunAsyncClean {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture<Void> chain = CompletableFuture.runAsync(() -> Slots.increment(slot));
            for (int t = 1; t < 4; t++) {
                chain = chain.thenRunAsync(() -> Slots.increment(slot));
            }
            chain.join();
            if (Slots.get(slot) != 4) {
                throw new IllegalStateException("lost an update");
            }
        }
    }
}
