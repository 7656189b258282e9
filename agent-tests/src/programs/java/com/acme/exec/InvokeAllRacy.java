package com.acme.exec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link InvokeAllClean} with a timed {@code invokeAll} whose timeout expires: the slow task has written
 * {@code first} but is still running when it is cancelled, and main reads {@code first} without looking at
 * the cancelled future. {@code invokeAll} orders only the tasks that completed; a model that made it acquire
 * every task it was given would miss the race.
 */
public final class InvokeAllRacy {
    static int first;
    static int second;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Object>> tasks = List.of(
                () -> {
                    first = 1;
                    Thread.sleep(60_000); // far beyond the timeout: cancelled (interrupted) while it sleeps
                    return null;
                },
                () -> second = 2);
        pool.invokeAll(tasks, 1, TimeUnit.SECONDS);
        int seen = first + second; // first's task did not complete: nothing orders its write
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS) || seen < 0 || seen > 3) {
            throw new AssertionError("seen=" + seen);
        }
    }
}
