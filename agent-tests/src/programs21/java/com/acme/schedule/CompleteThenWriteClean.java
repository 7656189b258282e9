package com.acme.schedule;

import java.util.concurrent.CompletableFuture;

/** {@link CompleteThenWriteRacy} with the write before complete and the next write after join(). */
public final class CompleteThenWriteClean {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture<Long> source = new CompletableFuture<>();
            CompletableFuture<Long> read = source.thenApply(x -> Slots.get(slot));
            Slots.set(slot, 9);
            source.complete(1L);
            Slots.set(slot, read.join() + 1);
        }
    }
}
