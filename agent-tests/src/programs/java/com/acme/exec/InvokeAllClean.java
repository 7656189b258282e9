package com.acme.exec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Two tasks write their own fields; main reads both after {@code invokeAll} returns. */
public final class InvokeAllClean {
    static int first;
    static int second;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Object>> tasks = List.of(
                () -> first = 1,
                () -> second = 2);
        pool.invokeAll(tasks);
        if (first + second != 3) {
            throw new AssertionError(first + "," + second);
        }
        pool.shutdown();
    }
}
