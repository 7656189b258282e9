package com.acme.array;

/**
 * Two threads fill adjacent halves of one array in counted loops (one counting up, one down), then the elements
 * of their own parity of a second array, in a loop that writes conditionally. The loops' element checks move to
 * one range check at each loop's exit; a range one element too wide, or one naming elements a conditional write
 * skipped, would report a race here.
 */
public final class LoopRangeClean {
    private static final int SIZE = 2000;

    public static void main(String[] args) throws Exception {
        int[] data = new int[SIZE];
        int[] flags = new int[SIZE];
        Thread low = new Thread(() -> {
            up(data, SIZE / 2);
            everyOther(flags, 0);
        }, "low");
        Thread high = new Thread(() -> {
            down(data, SIZE / 2);
            everyOther(flags, 1);
        }, "high");
        low.start();
        high.start();
        low.join();
        high.join();
        long sum = 0;
        for (int i = 0; i < SIZE; i++) {
            sum += data[i] + flags[i];
        }
        System.out.println("sum " + sum);
    }

    static void up(int[] data, int to) {
        for (int i = 0; i < to; i++) {
            data[i] += i;
        }
    }

    static void down(int[] data, int downTo) {
        for (int i = data.length - 1; i >= downTo; i--) {
            data[i] += i;
        }
    }

    /** Writes the elements of one parity only: each thread its own, so no element is written by both. */
    static void everyOther(int[] flags, int parity) {
        for (int i = 0; i < flags.length; i++) {
            if ((i & 1) == parity) {
                flags[i] = i;
            }
        }
    }
}
