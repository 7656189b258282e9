package com.acme.jdk;

import java.util.LinkedList;

/** {@link LinkedListRacy} with every call inside {@code synchronized (list)}. */
public final class LinkedListClean {

    public static void main(String[] args) throws Exception {
        LinkedList<Integer> list = new LinkedList<>();
        int[] taken = new int[1];
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (list) {
                    list.addLast(i);
                }
            }
        }, () -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (list) {
                    if (list.pollFirst() != null) {
                        taken[0]++;
                    }
                }
            }
        });
        if (taken[0] + list.size() != 1000) {
            throw new AssertionError("taken " + taken[0] + ", left " + list.size());
        }
    }
}
