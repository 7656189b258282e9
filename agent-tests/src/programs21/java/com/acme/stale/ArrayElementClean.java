package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Tasks of a single-thread executor increment {@code counts[0]}, each reading and writing without suspending. */
public final class ArrayElementClean {

    static final int[] COUNTS = new int[4];

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> COUNTS[0] = COUNTS[0] + 1, loop);
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> COUNTS[0] = COUNTS[0] + 1, loop);
        CompletableFuture.allOf(a, b).thenRunAsync(() -> COUNTS[0] = COUNTS[0] + 1, loop).join();
        loop.shutdown();
        if (COUNTS[0] != 3) {
            throw new AssertionError(COUNTS[0]);
        }
    }
}
