package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Main writes {@code input}, then submits a task that reads it: submit happens-before the task. */
public final class SubmitToTaskClean {
    static int input;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        // One worker, warmed up: the task runs on an existing thread, so Thread.start cannot order it.
        pool.submit(() -> { }).get();
        input = 42;
        Future<Integer> f = pool.submit(() -> input);
        if (f.get() != 42) {
            throw new AssertionError();
        }
        pool.shutdown();
    }
}
