package com.acme.coll;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@link ConcurrentLinkedQueueClean} with the producer still writing the box after {@code offer} handed it over: the
 * consumer's {@code poll} orders what came before the insertion, not the write after it. A model that let the
 * consumer see the producer's later actions (its clock at the removal instead of at the insertion) would miss
 * the race.
 */
public final class ConcurrentLinkedQueueRacy {
    static final class Box {
        int value;
    }

    static final ConcurrentLinkedQueue<Box> QUEUE = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 41;
            QUEUE.offer(b);
            b.value = 42; // the consumer may own the box already: this write is not published
        }, "producer");
        producer.start();
        Box received;
        while ((received = QUEUE.poll()) == null) {
            Thread.onSpinWait();
        }
        int seen = received.value;
        producer.join();
        if (seen != 41 && seen != 42) {
            throw new AssertionError("value=" + seen);
        }
    }
}
