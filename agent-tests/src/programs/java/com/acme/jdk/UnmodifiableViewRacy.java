package com.acme.jdk;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * An unmodifiable view does not make its map thread-safe: one thread reads a plain {@code HashMap} through
 * {@code Collections.unmodifiableMap} ({@code containsKey}, a read of the map) while another still puts into
 * the map itself.
 */
public final class UnmodifiableViewRacy {

    public static void main(String[] args) throws Exception {
        Map<String, Integer> settings = new HashMap<>();
        Map<String, Integer> readOnly = Collections.unmodifiableMap(settings);
        int[] seen = new int[1];
        Workers.runTogether(() -> {
            for (int i = 0; i < 500; i++) {
                settings.put("key" + i, i);
            }
        }, () -> {
            for (int i = 0; i < 500; i++) {
                if (readOnly.containsKey("key" + i)) {
                    seen[0]++;
                }
            }
        });
        System.out.println("seen " + seen[0]);
    }
}
