package com.acme.stale;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The value read by a supplier is written back + 1 by its {@code whenCompleteAsync}, after another flow's write. */
public final class WhenCompleteRacy {

    static int value;

    public static void main(String[] args) {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        CompletableFuture<Integer> a = flow(loop);
        CompletableFuture<Integer> b = flow(loop);
        gate.open();
        CompletableFuture.allOf(a, b).join();
        loop.shutdown();
    }

    static CompletableFuture<Integer> flow(ExecutorService loop) {
        return CompletableFuture.supplyAsync(() -> value, loop)
                .whenCompleteAsync((read, failure) -> value = read + 1, loop);
    }
}
