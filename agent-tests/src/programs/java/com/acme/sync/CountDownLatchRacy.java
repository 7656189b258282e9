package com.acme.sync;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link CountDownLatchClean} with a latch sized for two parties that only one counts down: the consumer's
 * timed {@code await} always times out, and the consumer ignores its {@code false} and reads anyway. Only an
 * await that returns true (count zero) orders anything; a model that acquired on every return of
 * {@code await} would order the read after the producer's count-down and miss the race.
 */
public final class CountDownLatchRacy {
    static final CountDownLatch DONE = new CountDownLatch(2);
    static int data;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 42;
            DONE.countDown();
        }, "producer");
        producer.start();
        boolean open = DONE.await(100, TimeUnit.MILLISECONDS); // never true: one count is left
        int seen = data;
        producer.join();
        if (open || (seen != 0 && seen != 42)) {
            throw new AssertionError("open=" + open + ", data=" + seen);
        }
    }
}
