package com.acme.cf;

import java.util.concurrent.CompletableFuture;

/** A plain thread writes {@code data} and calls {@code complete}; main reads after {@code join()}. */
public final class CompleteFromThreadClean {
    static int data;

    public static void main(String[] args) throws Exception {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            data = 42;
            done.complete("ok");
        }, "completer");
        t.start();
        done.join();
        if (data != 42) {
            throw new AssertionError("data=" + data);
        }
        t.join();
    }
}
