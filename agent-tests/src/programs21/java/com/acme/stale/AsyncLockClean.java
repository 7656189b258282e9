package com.acme.stale;

import dev.guarded.sync.AsyncLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The AsyncLock is held from the read across the suspension to the write ({@code withLock}). */
public final class AsyncLockClean {

    static final AsyncLock LOCK = new AsyncLock();
    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> a = LOCK.withLock(() -> flow(loop));
        CompletableFuture<Void> b = LOCK.withLock(() -> flow(loop));
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
        if (value != 2) {
            throw new AssertionError(value);
        }
    }

    static CompletableFuture<Void> flow(ExecutorService loop) {
        return CompletableFuture.supplyAsync(() -> value, loop).thenAcceptAsync(read -> value = read + 1, loop);
    }
}
