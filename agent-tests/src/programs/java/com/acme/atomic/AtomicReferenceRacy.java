package com.acme.atomic;

/** {@link AtomicReferenceClean} without the AtomicReference: the box is shared up front, the reader sleeps. */
public final class AtomicReferenceRacy {
    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Box shared = new Box();
        Thread producer = new Thread(() -> shared.value = 42, "producer");
        producer.start();
        Thread.sleep(50);
        int seen = shared.value;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
