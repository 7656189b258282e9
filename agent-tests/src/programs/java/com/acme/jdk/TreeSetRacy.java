package com.acme.jdk;

import java.util.TreeSet;

/**
 * One thread adds to a plain {@code TreeSet} while another counts through a {@code headSet} view of it: the
 * view's {@code size} is a read of the set, {@code add} a write.
 */
public final class TreeSetRacy {

    public static void main(String[] args) throws Exception {
        TreeSet<Integer> set = new TreeSet<>();
        int[] counted = new int[1];
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                set.add(i);
            }
        }, () -> {
            for (int i = 0; i < 100; i++) {
                counted[0] += set.headSet(500).size();
            }
        });
        System.out.println("counted " + counted[0]);
    }
}
