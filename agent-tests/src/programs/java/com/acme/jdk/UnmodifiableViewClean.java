package com.acme.jdk;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link UnmodifiableViewRacy} with the map complete before the threads start: from then on both threads only
 * read it, through an unmodifiable view, its key set and an immutable copy.
 */
public final class UnmodifiableViewClean {

    public static void main(String[] args) throws Exception {
        Map<String, Integer> settings = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            settings.put("key" + i, i);
        }
        Map<String, Integer> readOnly = Collections.unmodifiableMap(settings);
        List<String> keys = List.copyOf(readOnly.keySet());
        int[] seen = new int[2];
        Workers.runTogether(() -> {
            for (String key : readOnly.keySet()) {
                seen[0] += readOnly.get(key) >= 0 ? 1 : 0;
            }
        }, () -> {
            for (String key : keys) {
                seen[1] += readOnly.containsKey(key) ? 1 : 0;
            }
        });
        if (seen[0] != 500 || seen[1] != 500) {
            throw new AssertionError(seen[0] + " " + seen[1]);
        }
    }
}
