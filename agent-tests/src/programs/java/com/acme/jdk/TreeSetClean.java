package com.acme.jdk;

import java.util.TreeSet;

/** {@link TreeSetRacy} with the adds and the view's reads inside {@code synchronized (set)}. */
public final class TreeSetClean {

    public static void main(String[] args) throws Exception {
        TreeSet<Integer> set = new TreeSet<>();
        int[] counted = new int[1];
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (set) {
                    set.add(i);
                }
            }
        }, () -> {
            for (int i = 0; i < 100; i++) {
                synchronized (set) {
                    counted[0] += set.headSet(500).size();
                }
            }
        });
        if (set.size() != 1000 || counted[0] > 50_000) {
            throw new AssertionError("size " + set.size() + ", counted " + counted[0]);
        }
    }
}
