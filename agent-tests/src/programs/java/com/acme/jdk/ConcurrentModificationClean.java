package com.acme.jdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link ConcurrentModificationRacy} with the concurrent replacement, {@code CopyOnWriteArrayList}: the
 * iteration walks a snapshot while the other thread adds.
 */
public final class ConcurrentModificationClean {

    public static void main(String[] args) throws Exception {
        List<Integer> list = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            list.add(i);
        }
        long[] sum = new long[1];
        Workers.runTogether(() -> {
            for (int x : list) {
                sum[0] += x;
            }
        }, () -> {
            for (int i = 0; i < 100; i++) {
                list.add(i);
            }
        });
        if (sum[0] < 4950 || list.size() != 200) {
            throw new AssertionError(sum[0] + " " + list.size());
        }
    }
}
