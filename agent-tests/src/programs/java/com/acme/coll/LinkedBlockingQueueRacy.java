package com.acme.coll;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@link LinkedBlockingQueueClean} with the producer still reading the box after handing it over, while the
 * consumer, its new owner, writes it. A queue orders the producer's actions before the insertion ahead of the
 * consumer's actions after the removal, never the other way: a model that made {@code take} also publish the
 * consumer's actions back to the producer would miss the race.
 */
public final class LinkedBlockingQueueRacy {
    static final class Box {
        int value;
    }

    static final LinkedBlockingQueue<Box> QUEUE = new LinkedBlockingQueue<>();
    static int producerSaw;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 41;
            QUEUE.add(b);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            producerSaw = b.value; // no longer the producer's box: this read races with the consumer's write
        }, "producer");
        producer.start();
        Box received = QUEUE.take();
        received.value = 42;
        producer.join();
        if (producerSaw != 41 && producerSaw != 42) {
            throw new AssertionError("value=" + producerSaw);
        }
    }
}
