package com.acme.jdk;

import java.util.Queue;
import java.util.concurrent.PriorityBlockingQueue;

/** {@link PriorityQueueRacy} with the concurrent replacement, {@code PriorityBlockingQueue}. */
public final class PriorityQueueClean {

    public static void main(String[] args) throws Exception {
        Queue<Integer> queue = new PriorityBlockingQueue<>();
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
        if (taken[0] + queue.size() != 1000) {
            throw new AssertionError("taken " + taken[0] + ", left " + queue.size());
        }
    }
}
