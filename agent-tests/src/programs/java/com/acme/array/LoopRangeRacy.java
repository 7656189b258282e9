package com.acme.array;

/**
 * {@link LoopRangeClean}'s two fill loops with the halves overlapping in one element: thread "low" fills
 * {@code [0, 1001)} counting up, thread "high" {@code [1000, 2000)} counting down, and both write element 1000
 * unordered. The race is at the last element each loop touches, so a range check one element short at either end
 * misses it.
 */
public final class LoopRangeRacy {
    public static void main(String[] args) throws Exception {
        int[] data = new int[2000];
        Thread low = new Thread(() -> fillUp(data, 1001), "low");
        Thread high = new Thread(() -> fillDown(data, 1000), "high");
        low.start();
        high.start();
        low.join();
        high.join();
        System.out.println("element 1000: " + data[1000]);
    }

    static void fillUp(int[] data, int to) {
        for (int i = 0; i < to; i++) {
            data[i] += i;
        }
    }

    static void fillDown(int[] data, int downTo) {
        for (int i = data.length - 1; i >= downTo; i--) {
            data[i] += i;
        }
    }
}
