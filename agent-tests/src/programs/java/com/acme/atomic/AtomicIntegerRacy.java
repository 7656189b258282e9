package com.acme.atomic;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link AtomicIntegerClean} with the producer writing once more after {@code STATE.set(1)}: the consumer's
 * {@code get()} acquires what came before the set, not the write after it. A model that let an atomic read
 * see the writer's later actions (its live clock instead of the one at the set) would miss this.
 */
public final class AtomicIntegerRacy {
    static int data;
    static final AtomicInteger STATE = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 41;
            STATE.set(1);
            data = 42; // after publishing: nothing orders it before the consumer's read
        }, "producer");
        producer.start();
        while (STATE.get() != 1) {
            Thread.onSpinWait();
        }
        int seen = data;
        producer.join();
        if (seen != 41 && seen != 42) {
            throw new AssertionError("data=" + seen);
        }
    }
}
