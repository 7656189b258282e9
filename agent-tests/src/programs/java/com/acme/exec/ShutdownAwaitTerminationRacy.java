package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link ShutdownAwaitTerminationClean} reading before shutdown + awaitTermination (after a sleep). The read
 * comes before {@code shutdown()} on purpose: shutdown takes each idle worker's lock to interrupt it, and
 * that lock really does order the worker's finished task before main's next actions.
 */
public final class ShutdownAwaitTerminationRacy {
    static int first;
    static int second;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.execute(() -> first = 1);
        pool.execute(() -> second = 2);
        Thread.sleep(50);
        int seen = first + second;
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
