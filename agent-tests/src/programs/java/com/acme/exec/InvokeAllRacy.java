package com.acme.exec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link InvokeAllClean} with the first task handing its write to a helper thread it starts but does not
 * join: {@code invokeAll} returns when the tasks it was given are done and orders what they did, not the work
 * they spawned. Main reads {@code first} right after {@code invokeAll}; the helper writes it whenever it runs.
 * A model that made {@code invokeAll} order more than its tasks' own actions would miss the race.
 */
public final class InvokeAllRacy {
    static int first;
    static int second;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Object>> tasks = List.of(
                () -> {
                    new Thread(() -> first = 1, "helper").start(); // not one of invokeAll's tasks
                    return null;
                },
                () -> second = 2);
        pool.invokeAll(tasks);
        int seen = first + second; // second is ordered; first is not
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS) || (seen != 2 && seen != 3)) {
            throw new AssertionError("seen=" + seen);
        }
    }
}
