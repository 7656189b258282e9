package com.acme.array;

/** Two threads write disjoint halves of an {@code int[]}; main reads every element after joining both. */
public final class ArrayClean {
    public static void main(String[] args) throws Exception {
        int[] data = new int[2000];
        Thread low = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                data[i] = i;
            }
        }, "low");
        Thread high = new Thread(() -> {
            for (int i = 1000; i < 2000; i++) {
                data[i] = i;
            }
        }, "high");
        low.start();
        high.start();
        low.join();
        high.join();
        for (int i = 0; i < data.length; i++) {
            if (data[i] != i) {
                throw new AssertionError("data[" + i + "]=" + data[i]);
            }
        }
    }
}
