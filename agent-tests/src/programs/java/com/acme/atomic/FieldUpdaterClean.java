package com.acme.atomic;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** A payload handed over through an {@code AtomicIntegerFieldUpdater} on a volatile state field. */
public final class FieldUpdaterClean {
    private static final AtomicIntegerFieldUpdater<FieldUpdaterClean> STATE =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterClean.class, "state");

    private volatile int state;
    private int data;

    public static void main(String[] args) throws Exception {
        FieldUpdaterClean shared = new FieldUpdaterClean();
        Thread producer = new Thread(() -> {
            shared.data = 42;
            if (!STATE.compareAndSet(shared, 0, 1)) {
                throw new AssertionError("state changed");
            }
        }, "producer");
        producer.start();
        while (STATE.get(shared) != 1) {
            Thread.onSpinWait();
        }
        if (shared.data != 42) {
            throw new AssertionError("data=" + shared.data);
        }
        producer.join();
    }
}
