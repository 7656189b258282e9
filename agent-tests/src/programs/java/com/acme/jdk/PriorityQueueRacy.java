package com.acme.jdk;

import java.util.PriorityQueue;

/** A producer offers to a plain {@code PriorityQueue} while a consumer polls it: {@code offer} vs {@code poll}. */
public final class PriorityQueueRacy {

    public static void main(String[] args) throws Exception {
        PriorityQueue<Integer> queue = new PriorityQueue<>();
        int[] taken = new int[1];
        Workers.runTogether(() -> {
            for (int i = 1000; i > 0; i--) {
                queue.offer(i);
            }
        }, () -> {
            for (int i = 0; i < 1000; i++) {
                if (queue.poll() != null) {
                    taken[0]++;
                }
            }
        });
        System.out.println("taken " + taken[0]);
    }
}
