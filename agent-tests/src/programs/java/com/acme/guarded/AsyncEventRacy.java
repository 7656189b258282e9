package com.acme.guarded;

import dev.guarded.sync.AsyncEvent;

/**
 * {@link AsyncEventClean} with an event that was already set (nobody called {@code clear()}): the consumer's
 * await returns at once and orders only the first {@code set()}, not the producer's write and second set.
 * The consumer waits late, after the producer's set, so a model that made an await acquire the latest
 * {@code set()} instead of the one it observed would miss the race.
 */
public final class AsyncEventRacy {
    static final AsyncEvent DONE = new AsyncEvent();
    static int data;

    public static void main(String[] args) throws Exception {
        DONE.set(); // a stale set: the event should have been cleared before it was reused
        Thread producer = new Thread(() -> {
            data = 42;
            DONE.set();
        }, "producer");
        producer.start();
        Thread.sleep(50);
        DONE.awaitAsync().join();
        int seen = data;
        producer.join();
        if (seen != 0 && seen != 42) {
            throw new AssertionError("data=" + seen);
        }
    }
}
