package com.acme.jdk;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Views and iterators count against their map: one thread removes the odd keys of a plain {@code HashMap}
 * through its key set's iterator ({@code Iterator.remove}, a write of the map) while another looks values
 * up ({@code get}).
 */
public final class MapViewRacy {

    public static void main(String[] args) throws Exception {
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            map.put(i, "v" + i);
        }
        int[] hits = new int[1];
        Workers.runTogether(() -> {
            for (Iterator<Integer> it = map.keySet().iterator(); it.hasNext(); ) {
                if (it.next() % 2 == 1) {
                    it.remove();
                }
            }
        }, () -> {
            for (int i = 0; i < 1000; i += 2) {
                if (map.get(i) != null) {
                    hits[0]++;
                }
            }
        });
        System.out.println("left " + map.size() + ", hits " + hits[0]);
    }
}
