package com.acme.sync;

import java.util.concurrent.CountDownLatch;

/** The producer writes {@code data} and counts down; the consumer awaits the latch, then reads. */
public final class CountDownLatchClean {
    static final CountDownLatch DONE = new CountDownLatch(1);
    static int data;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 42;
            DONE.countDown();
        }, "producer");
        producer.start();
        DONE.await();
        if (data != 42) {
            throw new AssertionError("data=" + data);
        }
        producer.join();
    }
}
