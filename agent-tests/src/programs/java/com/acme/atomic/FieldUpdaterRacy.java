package com.acme.atomic;

/** {@link FieldUpdaterClean} without the field updater handoff: the reader sleeps instead. */
public final class FieldUpdaterRacy {
    private int data;

    public static void main(String[] args) throws Exception {
        FieldUpdaterRacy shared = new FieldUpdaterRacy();
        Thread producer = new Thread(() -> shared.data = 42, "producer");
        producer.start();
        Thread.sleep(50);
        int seen = shared.data;
        producer.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
