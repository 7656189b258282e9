package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual-thread tasks write fields; main reads them only after the try-with-resources block closed the
 * virtual-thread-per-task executor, whose {@code close()} waits for every task (no future is consulted).
 */
public final class VirtualThreadCloseClean {
    static int first;
    static int second;

    public static void main(String[] args) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.execute(() -> first = 1);
            pool.execute(() -> second = 2);
        }
        if (first + second != 3) {
            throw new AssertionError(first + "," + second);
        }
    }
}
