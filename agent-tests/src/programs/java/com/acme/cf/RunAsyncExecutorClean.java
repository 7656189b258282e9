package com.acme.cf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** runAsync on a custom executor writes {@code result}; main reads it after {@code get()}. */
public final class RunAsyncExecutorClean {
    static int result;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CompletableFuture.runAsync(() -> result = 42, pool).get();
        if (result != 42) {
            throw new AssertionError("result=" + result);
        }
        pool.shutdown();
    }
}
