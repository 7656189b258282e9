package com.acme.atomic;

/**
 * The volatile flag is set BEFORE the payload is written: the consumer's read of {@code data} is ordered
 * after the flag write, but the producer's later write of {@code data} is not ordered with it.
 */
public final class VolatilePublishTooEarlyRacy {
    static int data;
    static volatile boolean ready;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            ready = true;
            data = 42;
        }, "producer");
        producer.start();
        while (!ready) {
            Thread.onSpinWait();
        }
        int seen = data;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
