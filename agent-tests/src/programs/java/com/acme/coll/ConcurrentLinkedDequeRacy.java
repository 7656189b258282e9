package com.acme.coll;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * {@link ConcurrentLinkedDequeClean} with the producer still writing the box after {@code offerFirst} handed it over: the
 * consumer's {@code pollLast} orders what came before the insertion, not the write after it. A model that let the
 * consumer see the producer's later actions (its clock at the removal instead of at the insertion) would miss
 * the race.
 */
public final class ConcurrentLinkedDequeRacy {
    static final class Box {
        int value;
    }

    static final ConcurrentLinkedDeque<Box> DEQUE = new ConcurrentLinkedDeque<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 41;
            DEQUE.offerFirst(b);
            b.value = 42; // the consumer may own the box already: this write is not published
        }, "producer");
        producer.start();
        Box received;
        while ((received = DEQUE.pollLast()) == null) {
            Thread.onSpinWait();
        }
        int seen = received.value;
        producer.join();
        if (seen != 41 && seen != 42) {
            throw new AssertionError("value=" + seen);
        }
    }
}
