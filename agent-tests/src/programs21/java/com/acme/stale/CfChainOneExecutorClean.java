package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Two read-await-write chains on one event-loop thread, the second started only after the first finished. */
public final class CfChainOneExecutorClean {

    static final class Counter {
        int value;
    }

    public static void main(String[] args) {
        Counter counter = new Counter();
        ExecutorService loop = Executors.newSingleThreadExecutor();
        increment(counter, loop).join();
        increment(counter, loop).join();
        loop.shutdown();
        if (counter.value != 2) {
            throw new AssertionError(counter.value);
        }
    }

    static CompletableFuture<Void> increment(Counter counter, ExecutorService loop) {
        return CompletableFuture.supplyAsync(() -> counter.value, loop)
                .thenApplyAsync(v -> v + 1, loop)
                .thenAcceptAsync(v -> counter.value = v, loop);
    }
}
