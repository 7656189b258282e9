package com.acme.cf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * supplyAsync on one executor writes {@code a}; a dependent stage on a second executor reads it and writes
 * {@code b}; main reads {@code b} after {@code join()}. Two single-thread executors guarantee three threads.
 */
public final class ThenApplyAsyncClean {
    static final class Box {
        int a;
        int b;
    }

    public static void main(String[] args) throws Exception {
        ExecutorService first = Executors.newSingleThreadExecutor();
        ExecutorService second = Executors.newSingleThreadExecutor();
        Box box = new Box();
        CompletableFuture.supplyAsync(() -> {
            box.a = 21;
            return box;
        }, first).thenApplyAsync(x -> {
            x.b = x.a * 2;
            return x;
        }, second).join();
        if (box.b != 42) {
            throw new AssertionError("b=" + box.b);
        }
        first.shutdown();
        second.shutdown();
    }
}
