package com.acme.accident;

import java.util.concurrent.atomic.AtomicLongArray;

/** An atomic histogram ({@code getAndAdd} on its buckets) updated beside a plain {@code counter}. */
public final class AtomicArrayHistogramRacy {
    static final AtomicLongArray HISTOGRAM = new AtomicLongArray(4);
    static int counter;

    public static void main(String[] args) throws Exception {
        Timing.inOrder(() -> {
            counter++;
            HISTOGRAM.getAndAdd(1, 10);
        }, () -> {
            HISTOGRAM.getAndAdd(1, 20);
            counter++;
        });
    }
}
