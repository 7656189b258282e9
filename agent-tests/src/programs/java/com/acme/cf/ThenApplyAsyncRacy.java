package com.acme.cf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@link ThenApplyAsyncClean} where the second stage does not depend on the first (it sleeps instead). */
public final class ThenApplyAsyncRacy {
    static final class Box {
        int a;
        int b;
    }

    public static void main(String[] args) throws Exception {
        ExecutorService first = Executors.newSingleThreadExecutor();
        ExecutorService second = Executors.newSingleThreadExecutor();
        Box box = new Box();
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> box.a = 21, first);
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            box.b = box.a * 2;
        }, second);
        CompletableFuture.allOf(one, two).join();
        first.shutdown();
        second.shutdown();
    }
}
