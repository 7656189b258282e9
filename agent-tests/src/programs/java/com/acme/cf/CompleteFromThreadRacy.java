package com.acme.cf;

import java.util.concurrent.CompletableFuture;

/**
 * {@link CompleteFromThreadClean} reading before {@code join()}: the completer writes, then sleeps before
 * completing, so neither completion nor termination orders the write before main's read.
 */
public final class CompleteFromThreadRacy {
    static int data;

    public static void main(String[] args) throws Exception {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            data = 42;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            done.complete("ok");
        }, "completer");
        t.start();
        Thread.sleep(50);
        int seen = data;
        done.join();
        t.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
