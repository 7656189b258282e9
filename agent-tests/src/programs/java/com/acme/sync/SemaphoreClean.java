package com.acme.sync;

import java.util.concurrent.Semaphore;

/** The producer writes {@code data} and releases a permit; the consumer acquires it, then reads. */
public final class SemaphoreClean {
    static final Semaphore PERMITS = new Semaphore(0);
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
