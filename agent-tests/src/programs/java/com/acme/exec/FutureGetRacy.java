package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link FutureGetClean} reading before {@code get()} (after a sleep). */
public final class FutureGetRacy {
    static int result;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> f = pool.submit(() -> result = 42);
        Thread.sleep(50);
        int seen = result;
        f.get();
        pool.shutdown();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
