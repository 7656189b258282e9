package com.acme.guarded;

import dev.guarded.sync.AsyncSemaphore;

/** The producer writes {@code data} and releases an {@code AsyncSemaphore} permit; the consumer acquires it. */
public final class AsyncSemaphoreClean {
    static final AsyncSemaphore PERMITS = new AsyncSemaphore(0);
    static int data;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 42;
            PERMITS.release();
        }, "producer");
        producer.start();
        PERMITS.acquire();
        if (data != 42) {
            throw new AssertionError("data=" + data);
        }
        producer.join();
    }
}
