package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link VirtualThreadCloseClean} reading inside the try block, before the virtual-thread-per-task executor's
 * {@code close()} (after a sleep): nothing orders the tasks' writes before the read.
 */
public final class VirtualThreadCloseRacy {
    static int first;
    static int second;

    public static void main(String[] args) throws Exception {
        int seen;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.execute(() -> first = 1);
            pool.execute(() -> second = 2);
            Thread.sleep(50);
            seen = first + second;
        }
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
