package com.acme.jdk;

import java.util.LinkedList;

/** A producer appends to a plain {@code LinkedList} while a consumer polls it: {@code addLast} vs {@code pollFirst}. */
public final class LinkedListRacy {

    public static void main(String[] args) throws Exception {
        LinkedList<Integer> list = new LinkedList<>();
        int[] taken = new int[1];
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                list.addLast(i);
            }
        }, () -> {
            for (int i = 0; i < 1000; i++) {
                if (list.pollFirst() != null) {
                    taken[0]++;
                }
            }
        });
        System.out.println("taken " + taken[0] + ", left " + list.size());
    }
}
