package com.acme.accident;

import java.util.concurrent.atomic.LongAdder;

/**
 * A {@code LongAdder} statistic, added to by the first thread and read ({@code sum}) by the second before it
 * updates {@code counter}: a statistic's read is no synchronization (its javadoc says so).
 */
public final class LongAdderRacy {
    static final LongAdder REQUESTS = new LongAdder();
    static int counter;
    static long lastSeen;

    public static void main(String[] args) throws Exception {
        Timing.inOrder(() -> {
            counter++;
            REQUESTS.increment();
        }, () -> {
            lastSeen = REQUESTS.sum();
            counter++;
        });
    }
}
