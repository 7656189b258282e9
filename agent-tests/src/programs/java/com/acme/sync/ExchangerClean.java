package com.acme.sync;

import java.util.concurrent.Exchanger;

/** The producer fills a box and exchanges it; the consumer reads the box it received. */
public final class ExchangerClean {
    static final class Box {
        int value;
    }

    static final Exchanger<Box> EXCHANGER = new Exchanger<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 42;
            try {
                EXCHANGER.exchange(b);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "producer");
        producer.start();
        Box received = EXCHANGER.exchange(null);
        if (received.value != 42) {
            throw new AssertionError("value=" + received.value);
        }
        producer.join();
    }
}
