package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A task writes {@code result}; main reads it after {@code Future.get()}. */
public final class FutureGetClean {
    static int result;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> f = pool.submit(() -> result = 42);
        f.get();
        if (result != 42) {
            throw new AssertionError("result=" + result);
        }
        pool.shutdown();
    }
}
