package com.acme.jdk;

import java.util.HashSet;
import java.util.Set;

/** Two threads add to one plain {@code HashSet}: {@code add} vs {@code add}. */
public final class HashSetRacy {

    public static void main(String[] args) throws Exception {
        Set<Integer> set = new HashSet<>();
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                set.add(i);
            }
        }, () -> {
            for (int i = 1000; i < 2000; i++) {
                set.add(i);
            }
        });
        System.out.println("size " + set.size() + " (2000 expected)");
    }
}
