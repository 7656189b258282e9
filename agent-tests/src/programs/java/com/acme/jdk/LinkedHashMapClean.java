package com.acme.jdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link LinkedHashMapRacy} with the map behind {@code Collections.synchronizedMap}. */
public final class LinkedHashMapClean {

    public static void main(String[] args) throws Exception {
        Map<Integer, String> map = Collections.synchronizedMap(new LinkedHashMap<>());
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
        if (map.size() != 1000 || hits[0] > 1000) {
            throw new AssertionError("size " + map.size() + ", hits " + hits[0]);
        }
    }
}
