package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Two read-sleep-write flows through a delayedExecutor, the second composed after the first has finished. */
public final class DelayedExecutorClean {

    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        Executor later = CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS, loop);
        flow(loop, later).thenCompose(done -> flow(loop, later)).join();
        loop.shutdown();
        if (value != 2) {
            throw new AssertionError(value);
        }
    }

    static CompletableFuture<Void> flow(Executor loop, Executor later) {
        return CompletableFuture.supplyAsync(() -> value, loop).thenAcceptAsync(v -> value = v + 1, later);
    }
}
