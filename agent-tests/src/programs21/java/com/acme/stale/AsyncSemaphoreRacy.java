package com.acme.stale;

import dev.guarded.sync.AsyncSemaphore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A one-permit AsyncSemaphore whose permit is given back after the read, before the suspension. */
public final class AsyncSemaphoreRacy {

    static final AsyncSemaphore PERMIT = new AsyncSemaphore(1);
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
        return PERMIT.acquireAsync()
                .thenApplyAsync(granted -> {
                    int read = value;
                    PERMIT.release();   // too early: the write-back below is no longer covered
                    return read;
                }, loop)
                .thenAcceptAsync(read -> value = read + 1, loop);
    }
}
