package com.acme.stale;

import dev.guarded.sync.AsyncSemaphore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A one-permit AsyncSemaphore held from the read across the suspension until after the write. */
public final class AsyncSemaphoreClean {

    static final AsyncSemaphore PERMIT = new AsyncSemaphore(1);
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
        return PERMIT.acquireAsync()
                .thenApplyAsync(granted -> value, loop)
                .thenAcceptAsync(read -> {
                    value = read + 1;
                    PERMIT.release();
                }, loop);
    }
}
