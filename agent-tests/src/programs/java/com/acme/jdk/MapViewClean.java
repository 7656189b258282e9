package com.acme.jdk;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** {@link MapViewRacy} with the removal through the view and the lookups both inside {@code synchronized (map)}. */
public final class MapViewClean {

    public static void main(String[] args) throws Exception {
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            map.put(i, "v" + i);
        }
        int[] hits = new int[1];
        Workers.runTogether(() -> {
            synchronized (map) {
                for (Iterator<Integer> it = map.keySet().iterator(); it.hasNext(); ) {
                    if (it.next() % 2 == 1) {
                        it.remove();
                    }
                }
            }
        }, () -> {
            for (int i = 0; i < 1000; i += 2) {
                synchronized (map) {
                    if (map.get(i) != null) {
                        hits[0]++;
                    }
                }
            }
        });
        if (map.size() != 500 || hits[0] != 500) {
            throw new AssertionError("left " + map.size() + ", hits " + hits[0]);
        }
    }
}
