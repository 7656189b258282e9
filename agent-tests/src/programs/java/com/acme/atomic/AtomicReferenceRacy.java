package com.acme.atomic;

import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link AtomicReferenceClean} with the box mutated after it was published through {@code SLOT.set}: the
 * consumer's {@code get()} orders the fill before the set, not the write after it. A model that let the
 * reader see the publisher's later actions would miss the race.
 */
public final class AtomicReferenceRacy {
    static final class Box {
        int value;
    }

    static final AtomicReference<Box> SLOT = new AtomicReference<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 41;
            SLOT.set(b);
            b.value = 42; // the box is shared now: this write is not published
        }, "producer");
        producer.start();
        Box received;
        while ((received = SLOT.get()) == null) {
            Thread.onSpinWait();
        }
        int seen = received.value;
        producer.join();
        if (seen != 41 && seen != 42) {
            throw new AssertionError("value=" + seen);
        }
    }
}
