package com.acme.stale;

import dev.guarded.sync.AsyncLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An AsyncLock released right after the read, before the suspension: the write-back is not covered. */
public final class AsyncLockRacy {

    static final AsyncLock LOCK = new AsyncLock();
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
        return LOCK.lockAsync()
                .thenApplyAsync(locked -> {
                    int read = value;
                    LOCK.unlock();   // too early: the write below happens after a suspension
                    return read;
                }, loop)
                .thenAcceptAsync(read -> value = read + 1, loop);
    }
}
