package com.acme.schedule;

import java.util.concurrent.CompletableFuture;

/**
 * Two dependent stages of one future ({@code thenRun} twice on the same source) both add to the iteration's
 * static. The completing thread runs both, one after the other; no stage depends on the other.
 */
public final class StagesOfOneSourceRacy {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture<Void> source = new CompletableFuture<>();
            CompletableFuture<Void> a = source.thenRun(() -> Slots.increment(slot));
            CompletableFuture<Void> b = source.thenRun(() -> Slots.increment(slot));
            source.complete(null);
            CompletableFuture.allOf(a, b).join();
        }
    }
}
