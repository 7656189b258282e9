package com.acme.atomic;

/** {@link AtomicIntegerClean} without the atomic handoff: the reader sleeps instead. */
public final class AtomicIntegerRacy {
    static int data;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> data = 42, "producer");
        producer.start();
        Thread.sleep(50);
        int seen = data;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
