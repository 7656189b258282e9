package com.acme.cf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link ThenCombineClean} with thenApply on {@code fx} only: the reader of {@code y} does not wait for fy.
 *
 * <p>The pipeline runs twice. In the first round the JDK may still load classes and link lambdas on both
 * threads, and that really synchronizes them (both go through the JDK's shared, synchronized tables), so a
 * happens-before detector may legitimately see that round as ordered. The second round has no such help.
 */
public final class ThenCombineRacy {
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
            CompletableFuture<Integer> sum = fx.thenApplyAsync(a -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return box.x + box.y;
            }, e1);
            CompletableFuture.allOf(sum, fy).join();
        }
        e1.shutdown();
        e2.shutdown();
    }
}
