package com.acme.coll;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link KeySetViewClean} with the box filled only after it was added to the set (published too early). */
public final class KeySetViewRacy {
    static final class Box {
        int value;
    }

    static final Set<Box> SET = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            SET.add(b);
            b.value = 42;
        }, "producer");
        producer.start();
        Box received = null;
        while (received == null) {
            for (Box b : SET) {
                received = b;
            }
            Thread.onSpinWait();
        }
        int seen = received.value;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
