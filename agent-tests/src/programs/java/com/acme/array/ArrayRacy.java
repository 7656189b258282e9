package com.acme.array;

/** {@link ArrayClean} where both threads increment the same element. */
public final class ArrayRacy {
    public static void main(String[] args) throws Exception {
        int[] data = new int[2000];
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                data[0]++;
            }
        };
        Thread low = new Thread(work, "low");
        Thread high = new Thread(work, "high");
        low.start();
        high.start();
        low.join();
        high.join();
    }
}
