package com.acme.jdk;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link HashSetRacy} with the concurrent replacement, {@code ConcurrentHashMap.newKeySet()}. */
public final class HashSetClean {

    public static void main(String[] args) throws Exception {
        Set<Integer> set = ConcurrentHashMap.newKeySet();
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                set.add(i);
            }
        }, () -> {
            for (int i = 1000; i < 2000; i++) {
                set.add(i);
            }
        });
        if (set.size() != 2000) {
            throw new AssertionError("size " + set.size());
        }
    }
}
