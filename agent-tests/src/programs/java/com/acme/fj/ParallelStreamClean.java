package com.acme.fj;

import java.util.stream.IntStream;

/**
 * A parallel stream writes each element's result into its own array slot; main reads the slots after the
 * terminal operation. Each element sleeps a little so that several pool threads take part.
 */
public final class ParallelStreamClean {
    public static void main(String[] args) {
        int[] slots = new int[64];
        IntStream.range(0, slots.length).parallel().forEach(i -> {
            pause();
            slots[i] = i * 2;
        });
        long sum = 0;
        for (int v : slots) {
            sum += v;
        }
        if (sum != 64 * 63) {
            throw new AssertionError("sum=" + sum);
        }
    }

    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
