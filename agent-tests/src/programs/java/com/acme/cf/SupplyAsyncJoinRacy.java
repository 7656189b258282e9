package com.acme.cf;

import java.util.concurrent.CompletableFuture;

/** {@link SupplyAsyncJoinClean} reading the box before {@code join()} (after a sleep). */
public final class SupplyAsyncJoinRacy {
    static final class Box {
        int a;
    }

    public static void main(String[] args) throws Exception {
        Box box = new Box();
        CompletableFuture<Box> f = CompletableFuture.supplyAsync(() -> {
            box.a = 21;
            return box;
        });
        Thread.sleep(50);
        int seen = box.a;
        f.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
