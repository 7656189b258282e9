package com.acme.coll;

import java.util.concurrent.LinkedBlockingQueue;

/** The producer puts the box into the queue and only then fills it: the fill is not ordered before the read. */
public final class QueuePublishTooEarlyRacy {
    static final class Box {
        int value;
    }

    static final LinkedBlockingQueue<Box> QUEUE = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            QUEUE.add(b);
            b.value = 42;
        }, "producer");
        producer.start();
        Box received = QUEUE.take();
        int seen = received.value;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
