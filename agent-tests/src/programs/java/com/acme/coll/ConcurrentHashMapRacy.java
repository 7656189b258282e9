package com.acme.coll;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ConcurrentHashMapClean} with the box created inside {@code computeIfAbsent} but filled after it
 * returned: the consumer's {@code get} orders the box's creation, not the fill that came after the mapping
 * was published. A model that let {@code get} see the creating thread's later actions would miss the race.
 */
public final class ConcurrentHashMapRacy {
    static final class Box {
        int value;
    }

    static final ConcurrentHashMap<String, Box> MAP = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = MAP.computeIfAbsent("box", key -> new Box());
            b.value = 42; // outside the compute: not published by the mapping
        }, "producer");
        producer.start();
        Box received;
        while ((received = MAP.get("box")) == null) {
            Thread.onSpinWait();
        }
        int seen = received.value;
        producer.join();
        if (seen != 0 && seen != 42) {
            throw new AssertionError("value=" + seen);
        }
    }
}
