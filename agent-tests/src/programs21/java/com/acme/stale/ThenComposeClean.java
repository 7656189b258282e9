package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Each flow {@code thenCompose}s an async step that reads and writes with no suspension in between. */
public final class ThenComposeClean {

    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> a = flow(loop);
        CompletableFuture<Void> b = flow(loop);
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
        if (value != 2) {
            throw new AssertionError(value);
        }
    }

    static CompletableFuture<Void> flow(ExecutorService loop) {
        return CompletableFuture.supplyAsync(() -> 1, loop)
                .thenCompose(step -> CompletableFuture.runAsync(() -> value = value + step, loop));
    }
}
