package com.acme.cf;

import java.util.concurrent.CompletableFuture;

/** supplyAsync (common pool) writes a field, thenApply reads it; main reads after {@code join()}. */
public final class SupplyAsyncJoinClean {
    static final class Box {
        int a;
        int b;
    }

    public static void main(String[] args) {
        Box box = new Box();
        int got = CompletableFuture.supplyAsync(() -> {
            box.a = 21;
            return box;
        }).thenApply(x -> {
            x.b = x.a * 2;
            return x.b;
        }).join();
        if (got != 42 || box.a != 21 || box.b != 42) {
            throw new AssertionError(box.a + "," + box.b);
        }
    }
}
