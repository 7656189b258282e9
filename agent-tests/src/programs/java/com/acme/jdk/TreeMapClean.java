package com.acme.jdk;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@link TreeMapRacy} with safe publication: the map is complete before the threads start, and from then
 * on it is only read (iteration, {@code get}, {@code headMap} views).
 */
public final class TreeMapClean {

    public static void main(String[] args) throws Exception {
        TreeMap<Integer, Integer> map = new TreeMap<>();
        for (int i = 0; i < 100; i++) {
            map.put(i, i);
        }
        long[] sums = new long[2];
        Workers.runTogether(() -> {
            for (Map.Entry<Integer, Integer> e : map.entrySet()) {
                sums[0] += e.getValue();
            }
        }, () -> {
            for (int k : map.headMap(100).keySet()) {
                sums[1] += map.get(k);
            }
        });
        if (sums[0] != 4950 || sums[1] != 4950) {
            throw new AssertionError(sums[0] + " " + sums[1]);
        }
    }
}
