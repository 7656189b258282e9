package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link ExecutorCloseClean} reading inside the try block, before {@code close()} (after a sleep). */
public final class ExecutorCloseRacy {
    static int first;
    static int second;

    public static void main(String[] args) throws Exception {
        int seen;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
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
