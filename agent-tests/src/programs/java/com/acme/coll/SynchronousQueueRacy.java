package com.acme.coll;

import java.util.concurrent.SynchronousQueue;

/**
 * {@link SynchronousQueueClean} with the producer still writing the box after {@code put} handed it over: the
 * consumer's {@code take} orders what came before the insertion, not the write after it. A model that let the
 * consumer see the producer's later actions (its clock at the removal instead of at the insertion) would miss
 * the race.
 */
public final class SynchronousQueueRacy {
    static final class Box {
        int value;
    }

    static final SynchronousQueue<Box> QUEUE = new SynchronousQueue<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 41;
            try {
                QUEUE.put(b);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            b.value = 42; // the consumer may own the box already: this write is not published
        }, "producer");
        producer.start();
        Box received = QUEUE.take();
        int seen = received.value;
        producer.join();
        if (seen != 41 && seen != 42) {
            throw new AssertionError("value=" + seen);
        }
    }
}
