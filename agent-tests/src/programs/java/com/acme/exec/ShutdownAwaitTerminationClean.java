package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Tasks started with {@code execute} write fields; main reads them after shutdown + awaitTermination. */
public final class ShutdownAwaitTerminationClean {
    static int first;
    static int second;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.execute(() -> first = 1);
        pool.execute(() -> second = 2);
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("pool did not terminate");
        }
        if (first + second != 3) {
            throw new AssertionError(first + "," + second);
        }
    }
}
