package com.acme.jdk;

import java.util.Map;
import java.util.TreeMap;

/**
 * One thread iterates a plain {@code TreeMap}'s entry set while another puts into it: the iterator's
 * {@code next} is a read of the map, {@code put} a write.
 */
public final class TreeMapRacy {

    public static void main(String[] args) throws Exception {
        TreeMap<Integer, Integer> map = new TreeMap<>();
        for (int i = 0; i < 100; i += 2) {
            map.put(i, i);
        }
        long[] sum = new long[1];
        Workers.runTogether(() -> {
            for (int i = 1; i < 100; i += 2) {
                map.put(i, i);
            }
        }, () -> {
            for (Map.Entry<Integer, Integer> e : map.entrySet()) {
                sum[0] += e.getValue();
            }
        });
        System.out.println("sum " + sum[0]);
    }
}
