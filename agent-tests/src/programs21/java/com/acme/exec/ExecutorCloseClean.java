package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Tasks write fields; main reads them after the try-with-resources block closed the executor. */
public final class ExecutorCloseClean {
    static int first;
    static int second;

    public static void main(String[] args) {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            pool.execute(() -> first = 1);
            pool.execute(() -> second = 2);
        }
        if (first + second != 3) {
            throw new AssertionError(first + "," + second);
        }
    }
}
