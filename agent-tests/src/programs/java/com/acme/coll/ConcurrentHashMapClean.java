package com.acme.coll;

import java.util.concurrent.ConcurrentHashMap;

/** A filled box handed over through {@code ConcurrentHashMap.put} / {@code get}. */
public final class ConcurrentHashMapClean {
    static final class Box {
        int value;
    }

    static final ConcurrentHashMap<String, Box> MAP = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            MAP.put("box", b);
        }, "producer");
        producer.start();
        Box received;
        while ((received = MAP.get("box")) == null) {
            Thread.onSpinWait();
        }
        if (received.value != 42) {
            throw new AssertionError("value=" + received.value);
        }
        producer.join();
    }
}
