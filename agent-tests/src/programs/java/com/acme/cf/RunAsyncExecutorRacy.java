package com.acme.cf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link RunAsyncExecutorClean} reading before {@code get()} (after a sleep). */
public final class RunAsyncExecutorRacy {
    static int result;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> result = 42, pool);
        Thread.sleep(50);
        int seen = result;
        f.get();
        pool.shutdown();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
