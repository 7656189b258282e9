package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code whenCompleteAsync} write-backs of two flows, the second flow registered after the first one's end. */
public final class WhenCompleteClean {

    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        flow(loop).thenCompose(first -> flow(loop)).join();
        loop.shutdown();
        if (value != 2) {
            throw new AssertionError(value);
        }
    }

    static CompletableFuture<Integer> flow(ExecutorService loop) {
        return CompletableFuture.supplyAsync(() -> value, loop)
                .whenCompleteAsync((read, failure) -> value = read + 1, loop);
    }
}
