package com.acme.atomic;

import java.util.concurrent.atomic.AtomicReference;

/** A mutable object is filled in and published through {@code AtomicReference.compareAndSet}. */
public final class AtomicReferenceClean {
    static final class Box {
        int value;
    }

    static final AtomicReference<Box> SLOT = new AtomicReference<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            if (!SLOT.compareAndSet(null, b)) {
                throw new AssertionError("slot taken");
            }
        }, "producer");
        producer.start();
        Box seen;
        while ((seen = SLOT.get()) == null) {
            Thread.onSpinWait();
        }
        if (seen.value != 42) {
            throw new AssertionError("value=" + seen.value);
        }
        producer.join();
    }
}
