package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Like asyncio.sleep: each flow reads, continues through a delayedExecutor onto the loop, and writes back. */
public final class DelayedExecutorRacy {

    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        Executor later = CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS, loop);
        CompletableFuture<Void> a = CompletableFuture.supplyAsync(() -> value, loop).thenAcceptAsync(v -> value = v + 1, later);
        CompletableFuture<Void> b = CompletableFuture.supplyAsync(() -> value, loop).thenAcceptAsync(v -> value = v + 1, later);
        gate.open();
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
    }
}
