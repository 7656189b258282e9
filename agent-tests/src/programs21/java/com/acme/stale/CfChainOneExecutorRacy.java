package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two CompletableFuture chains on one event-loop thread, each {@code read; await; write back}: both first
 * stages run before either continuation, so the second write-back overwrites the first with a stale value.
 */
public final class CfChainOneExecutorRacy {

    static final class Counter {
        int value;
    }

    public static void main(String[] args) {
        Counter counter = new Counter();
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        CompletableFuture<Void> a = increment(counter, loop);
        CompletableFuture<Void> b = increment(counter, loop);
        gate.open();
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
        if (counter.value != 1) {
            throw new AssertionError("the lost update did not happen: " + counter.value);
        }
    }

    static CompletableFuture<Void> increment(Counter counter, ExecutorService loop) {
        return CompletableFuture.supplyAsync(() -> counter.value, loop)
                .thenApplyAsync(v -> v + 1, loop)
                .thenAcceptAsync(v -> counter.value = v, loop);
    }
}
