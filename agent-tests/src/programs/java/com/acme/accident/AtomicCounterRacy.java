package com.acme.accident;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code EVENTS} counts events atomically; {@code counter} is a plain field updated next to it, as if the
 * atomic increment protected it. It does not: two increments never wait for each other.
 */
public final class AtomicCounterRacy {
    static final AtomicInteger EVENTS = new AtomicInteger();
    static int counter;

    public static void main(String[] args) throws Exception {
        Timing.inOrder(() -> {
            counter++;
            EVENTS.incrementAndGet();
        }, () -> {
            EVENTS.incrementAndGet();
            counter++;
        });
    }
}
