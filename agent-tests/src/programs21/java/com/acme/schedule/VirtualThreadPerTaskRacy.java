package com.acme.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Two tasks of a virtual-thread-per-task executor both add to the iteration's static; close() waits. */
public final class VirtualThreadPerTaskRacy {

    public static void main(String[] args) {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                pool.submit(() -> Slots.increment(slot));
                pool.submit(() -> Slots.increment(slot));
            }
        }
    }
}
