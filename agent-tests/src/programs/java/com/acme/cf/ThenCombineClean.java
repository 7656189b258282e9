package com.acme.cf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two stages on two executors write {@code x} and {@code y}; thenCombine reads both. The pipeline runs twice
 * so that the second round runs with every class loaded and every lambda linked, as {@link ThenCombineRacy}
 * needs.
 */
public final class ThenCombineClean {
    static final class Box {
        int x;
        int y;
    }

    public static void main(String[] args) {
        ExecutorService e1 = Executors.newSingleThreadExecutor();
        ExecutorService e2 = Executors.newSingleThreadExecutor();
        for (int round = 0; round < 2; round++) {
            Box box = new Box();
            CompletableFuture<Integer> fx = CompletableFuture.supplyAsync(() -> box.x = 20, e1);
            CompletableFuture<Integer> fy = CompletableFuture.supplyAsync(() -> box.y = 22, e2);
            int sum = fx.thenCombine(fy, (a, b) -> box.x + box.y).join();
            if (sum != 42) {
                throw new AssertionError("sum=" + sum);
            }
        }
        e1.shutdown();
        e2.shutdown();
    }
}
