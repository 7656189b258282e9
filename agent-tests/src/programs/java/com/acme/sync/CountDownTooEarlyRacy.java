package com.acme.sync;

import java.util.concurrent.CountDownLatch;

/** The producer counts down BEFORE writing: the latch orders nothing the consumer reads. */
public final class CountDownTooEarlyRacy {
    static final CountDownLatch DONE = new CountDownLatch(1);
    static int data;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            DONE.countDown();
            data = 42;
        }, "producer");
        producer.start();
        DONE.await();
        int seen = data;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
