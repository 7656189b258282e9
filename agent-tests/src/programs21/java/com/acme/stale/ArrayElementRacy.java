package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Two flows on one loop thread read {@code counts[0]}, suspend, and write back the old count + 1. */
public final class ArrayElementRacy {

    static final int[] COUNTS = new int[4];

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
        return CompletableFuture.supplyAsync(() -> COUNTS[0], loop).thenAcceptAsync(read -> COUNTS[0] = read + 1, loop);
    }
}
