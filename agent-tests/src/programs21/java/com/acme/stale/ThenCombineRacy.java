package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each flow reads, waits with {@code thenCombineAsync} for a go signal the main thread completes, and writes the
 * old value + the signal's increment.
 */
public final class ThenCombineRacy {

    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        CompletableFuture<Integer> go = new CompletableFuture<>();
        CompletableFuture<Void> a = flow(loop, go);
        CompletableFuture<Void> b = flow(loop, go);
        go.complete(1);
        gate.open();
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
    }

    static CompletableFuture<Void> flow(ExecutorService loop, CompletableFuture<Integer> go) {
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> value, loop);
        return read.thenCombineAsync(go, (old, inc) -> value = old + inc, loop).thenAccept(written -> { });
    }
}
