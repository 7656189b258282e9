package com.acme.schedule;

import java.util.concurrent.CompletableFuture;

/** {@link StagesOfOneSourceRacy} with the second stage depending on the first. */
public final class StagesOfOneSourceClean {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture<Void> source = new CompletableFuture<>();
            CompletableFuture<Void> b = source.thenRun(() -> Slots.increment(slot))
                    .thenRun(() -> Slots.increment(slot));
            source.complete(null);
            b.join();
            if (Slots.get(slot) != 2) {
                throw new IllegalStateException("lost an update");
            }
        }
    }
}
