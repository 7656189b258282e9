package com.acme.sync;

/** {@link SemaphoreClean} without the semaphore: the consumer sleeps instead of acquiring. */
public final class SemaphoreRacy {
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
