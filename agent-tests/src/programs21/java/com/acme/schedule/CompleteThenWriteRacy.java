package com.acme.schedule;

import java.util.concurrent.CompletableFuture;

/**
 * A dependent stage reads the field; the thread that completes the source writes it right after
 * {@code complete}. The stage runs inside {@code complete} on that very thread, but as a stage it is ordered
 * only after the completion, not after what its completer does next.
 */
public final class CompleteThenWriteRacy {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture<Long> source = new CompletableFuture<>();
            CompletableFuture<Long> read = source.thenApply(x -> Slots.get(slot));
            source.complete(1L);
            Slots.set(slot, 9);
            read.join();
        }
    }
}
