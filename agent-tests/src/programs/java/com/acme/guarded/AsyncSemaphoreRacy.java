package com.acme.guarded;

import dev.guarded.sync.AsyncSemaphore;

/**
 * {@link AsyncSemaphoreClean} with the permit released before {@code data} is written: the consumer's
 * acquire orders what came before the release, not the write after it.
 */
public final class AsyncSemaphoreRacy {
    static final AsyncSemaphore PERMITS = new AsyncSemaphore(0);
    static int data;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            PERMITS.release();
            data = 42; // too late: after the release
        }, "producer");
        producer.start();
        PERMITS.acquire();
        int seen = data;
        producer.join();
        if (seen != 0 && seen != 42) {
            throw new AssertionError("data=" + seen);
        }
    }
}
