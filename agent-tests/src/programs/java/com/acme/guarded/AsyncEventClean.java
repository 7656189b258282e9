package com.acme.guarded;

import dev.guarded.sync.AsyncEvent;

/** The producer writes {@code data} and sets an {@code AsyncEvent}; the consumer joins {@code awaitAsync()}. */
public final class AsyncEventClean {
    static final AsyncEvent DONE = new AsyncEvent();
    static int data;

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            data = 42;
            DONE.set();
        }, "producer");
        producer.start();
        DONE.awaitAsync().join();
        if (data != 42) {
            throw new AssertionError("data=" + data);
        }
        producer.join();
    }
}
