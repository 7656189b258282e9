package com.acme.guarded;

/** {@link AsyncEventClean} without the primitive: the consumer sleeps instead of waiting. */
public final class AsyncEventRacy {
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
