package com.acme.atomic;

import java.util.concurrent.atomic.AtomicInteger;

/** A payload handed over through {@code AtomicInteger.set} / {@code get}. */
public final class AtomicIntegerClean {
    static int data;
    static final AtomicInteger STATE = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 42;
            STATE.set(1);
        }, "producer");
        producer.start();
        while (STATE.get() != 1) {
            Thread.onSpinWait();
        }
        if (data != 42) {
            throw new AssertionError("data=" + data);
        }
        producer.join();
    }
}
