package com.acme.jdk;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;

/**
 * One thread iterates a plain {@code ArrayList} while another adds to it. The iterator may or may not throw
 * {@code ConcurrentModificationException} in a given run (it is best-effort); the race between the
 * iterator's {@code next} and {@code add} is there, and reported, either way.
 */
public final class ConcurrentModificationRacy {

    public static void main(String[] args) throws Exception {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            list.add(i);
        }
        boolean[] thrown = new boolean[1];
        long[] sum = new long[1];
        Workers.runTogether(() -> {
            try {
                for (int x : list) {
                    sum[0] += x;
                }
            } catch (ConcurrentModificationException expectedSometimes) {
                thrown[0] = true;
            }
        }, () -> {
            for (int i = 0; i < 100; i++) {
                list.add(i);
            }
        });
        System.out.println("ConcurrentModificationException thrown: " + thrown[0]);
    }
}
