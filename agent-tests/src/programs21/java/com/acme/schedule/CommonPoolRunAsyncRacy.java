package com.acme.schedule;

import java.util.concurrent.CompletableFuture;

/**
 * Four {@code runAsync} tasks on the common pool each read, yield and write the iteration's static. On a
 * machine whose common pool has one worker they run one after another, which orders nothing.
 */
public final class CommonPoolRunAsyncRacy {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CompletableFuture<?>[] all = new CompletableFuture<?>[4];
            for (int t = 0; t < all.length; t++) {
                all[t] = CompletableFuture.runAsync(() -> Slots.increment(slot));
            }
            CompletableFuture.allOf(all).join();
        }
    }
}
