package com.acme.coll;

import java.util.concurrent.ConcurrentLinkedDeque;

/** A filled box handed over through {@code ConcurrentLinkedDeque.offerFirst} / {@code pollLast}. */
public final class ConcurrentLinkedDequeClean {
    static final class Box {
        int value;
    }

    static final ConcurrentLinkedDeque<Box> DEQUE = new ConcurrentLinkedDeque<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            DEQUE.offerFirst(b);
        }, "producer");
        producer.start();
        Box received;
        while ((received = DEQUE.pollLast()) == null) {
            Thread.onSpinWait();
        }
        if (received.value != 42) {
            throw new AssertionError("value=" + received.value);
        }
        producer.join();
    }
}
