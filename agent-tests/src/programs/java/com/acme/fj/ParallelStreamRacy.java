package com.acme.fj;

import java.util.stream.IntStream;

/** {@link ParallelStreamClean} accumulating into one shared field instead of distinct slots. */
public final class ParallelStreamRacy {
    static long sum;

    public static void main(String[] args) {
        IntStream.range(0, 64).parallel().forEach(i -> {
            pause();
            sum += i * 2;
        });
        if (sum == -1) {
            throw new AssertionError();
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
