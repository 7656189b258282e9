package com.acme.coll;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A filled box handed over through a {@code ConcurrentHashMap.newKeySet()}: added by the producer, found by
 * the consumer iterating the set (a view read, ordered after the backing map's updates).
 */
public final class KeySetViewClean {
    static final class Box {
        int value;
    }

    static final Set<Box> SET = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            SET.add(b);
        }, "producer");
        producer.start();
        Box received = null;
        while (received == null) {
            for (Box b : SET) {
                received = b;
            }
            Thread.onSpinWait();
        }
        if (received.value != 42) {
            throw new AssertionError("value=" + received.value);
        }
        producer.join();
    }
}
