package com.acme.sync;

import java.util.concurrent.Exchanger;

/**
 * {@link ExchangerClean} with the producer writing the box after exchanging it away: the exchange orders
 * each side's actions before it ahead of the other side's actions after it, not a write that follows the
 * exchange. A model that kept the two parties ordered after the exchange would miss the race.
 */
public final class ExchangerRacy {
    static final class Box {
        int value;
    }

    static final Exchanger<Box> EXCHANGER = new Exchanger<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> {
            Box b = new Box();
            b.value = 41;
            try {
                EXCHANGER.exchange(b);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            b.value = 42; // the box belongs to the other side now
        }, "producer");
        producer.start();
        Box received = EXCHANGER.exchange(null);
        int seen = received.value;
        producer.join();
        if (seen != 41 && seen != 42) {
            throw new AssertionError("value=" + seen);
        }
    }
}
