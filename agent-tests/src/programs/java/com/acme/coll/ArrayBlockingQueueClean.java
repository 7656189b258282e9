package com.acme.coll;

import java.util.concurrent.ArrayBlockingQueue;

/** A filled box handed over through {@code ArrayBlockingQueue.put} / {@code take}. */
public final class ArrayBlockingQueueClean {
    static final class Box {
        int value;
    }

    static final ArrayBlockingQueue<Box> QUEUE = new ArrayBlockingQueue<>(1);

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            try {
                QUEUE.put(b);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "producer");
        producer.start();
        Box received;
        received = QUEUE.take();
        if (received.value != 42) {
            throw new AssertionError("value=" + received.value);
        }
        producer.join();
    }
}
