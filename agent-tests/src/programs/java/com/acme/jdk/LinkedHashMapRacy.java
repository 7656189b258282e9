package com.acme.jdk;

import java.util.LinkedHashMap;
import java.util.Map;

/** One thread puts into a plain {@code LinkedHashMap} while another reads it: {@code put} vs {@code get}. */
public final class LinkedHashMapRacy {

    public static void main(String[] args) throws Exception {
        Map<Integer, String> map = new LinkedHashMap<>();
        int[] hits = new int[1];
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                map.put(i, "v" + i);
            }
        }, () -> {
            for (int i = 0; i < 1000; i++) {
                if (map.get(i) != null) {
                    hits[0]++;
                }
            }
        });
        System.out.println("hits " + hits[0]);
    }
}
