package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link SubmitToTaskClean} with the write moved after the submit (the task sleeps before reading). */
public final class SubmitToTaskRacy {
    static int input;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> { }).get();
        Future<Integer> f = pool.submit(() -> {
            Thread.sleep(50);
            return input;
        });
        input = 42;
        f.get();
        pool.shutdown();
    }
}
