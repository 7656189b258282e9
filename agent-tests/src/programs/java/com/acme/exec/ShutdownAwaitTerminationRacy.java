package com.acme.exec;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link ShutdownAwaitTerminationClean} reading the results between {@code shutdown()} and
 * {@code awaitTermination}: {@code shutdown()} lets running tasks finish and waits for none of them, so it
 * orders nothing; only a successful {@code awaitTermination} does. Here the tasks have written their fields
 * and are still running (until main opens {@code GO}, after its read) when main reads.
 */
public final class ShutdownAwaitTerminationRacy {
    static final CountDownLatch GO = new CountDownLatch(1);
    static int first;
    static int second;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.execute(() -> {
            first = 1;
            awaitGo();
        });
        pool.execute(() -> {
            second = 2;
            awaitGo();
        });
        Thread.sleep(50);
        pool.shutdown();
        int seen = first + second; // too early: the tasks are still running
        GO.countDown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("pool did not terminate");
        }
        if (seen < 0 || seen > 3) {
            throw new AssertionError("seen=" + seen);
        }
    }

    private static void awaitGo() {
        try {
            GO.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
