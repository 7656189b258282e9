package com.acme.sync;

import java.util.concurrent.Semaphore;

/**
 * {@link SemaphoreClean} with two semaphores: the producer releases {@code PERMITS}, the consumer acquires
 * {@code OTHER}, which had a permit from the start. The consumer acquires late, after the producer's release,
 * so a model that shared one clock between semaphores would order the accesses and miss the race.
 */
public final class SemaphoreRacy {
    static final Semaphore PERMITS = new Semaphore(0);
    static final Semaphore OTHER = new Semaphore(1);
    static int data;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 42;
            PERMITS.release();
        }, "producer");
        producer.start();
        Thread.sleep(50);
        OTHER.acquire(); // the wrong semaphore: its permit orders nothing the producer did
        int seen = data;
        producer.join();
        if (seen != 0 && seen != 42) {
            throw new AssertionError("data=" + seen);
        }
    }
}
