package com.acme.coll;

import java.util.concurrent.ConcurrentLinkedQueue;

/** A filled box handed over through {@code ConcurrentLinkedQueue.offer} / {@code poll}. */
public final class ConcurrentLinkedQueueClean {
    static final class Box {
        int value;
    }

    static final ConcurrentLinkedQueue<Box> QUEUE = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            QUEUE.offer(b);
        }, "producer");
        producer.start();
        Box received;
        while ((received = QUEUE.poll()) == null) {
            Thread.onSpinWait();
        }
        if (received.value != 42) {
            throw new AssertionError("value=" + received.value);
        }
        producer.join();
    }
}
