package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each flow waits with {@code thenCombineAsync} for its step and a go signal from the main thread; the combining
 * stage reads and writes with no suspension in between.
 */
public final class ThenCombineClean {

    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        CompletableFuture<Integer> go = new CompletableFuture<>();
        CompletableFuture<Void> a = flow(loop, go);
        CompletableFuture<Void> b = flow(loop, go);
        go.complete(0);
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
        if (value != 2) {
            throw new AssertionError(value);
        }
    }

    static CompletableFuture<Void> flow(ExecutorService loop, CompletableFuture<Integer> go) {
        CompletableFuture<Integer> step = CompletableFuture.supplyAsync(() -> 1, loop);
        return step.thenCombineAsync(go, (inc, zero) -> value = value + inc + zero, loop).thenAccept(written -> { });
    }
}
