package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Each flow reads, then {@code thenCompose}s an async step and writes the old value + 1 after it: lost update. */
public final class ThenComposeRacy {

    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        CompletableFuture<Void> a = flow(loop);
        CompletableFuture<Void> b = flow(loop);
        gate.open();
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
    }

    static CompletableFuture<Void> flow(ExecutorService loop) {
        return CompletableFuture.supplyAsync(() -> value, loop)
                .thenCompose(v -> CompletableFuture.supplyAsync(() -> v + 1, loop))
                .thenAcceptAsync(v -> value = v, loop);
    }
}
