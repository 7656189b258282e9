package com.acme.array;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Two threads count words into a shared {@link ConcurrentHashMap}; each {@code compute} reports the previous
 * count through a one-element array its own call allocated (the "cell" idiom). Each cell lives and dies inside
 * one thread's call, so nothing races; the map's own ordering keeps the counts exact.
 */
public final class ComputeCellClean {
    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
        long[] seen = new long[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int me = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5000; i++) {
                    seen[me] += previousCount(counts, "w" + (i % 7));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total != 10000) {
            throw new AssertionError("total " + total);
        }
    }

    private static int previousCount(ConcurrentHashMap<String, Integer> counts, String word) {
        int[] previous = new int[1];
        counts.compute(word, (w, n) -> {
            previous[0] = n == null ? 0 : n;
            return previous[0] + 1;
        });
        return previous[0];
    }
}
