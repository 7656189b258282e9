package com.acme.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link VirtualThreadPerTaskRacy} with the second task submitted after the first one's get(); main reads after
 * close().
 */
public final class VirtualThreadPerTaskClean {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                pool.submit(() -> Slots.increment(slot)).get();
                pool.submit(() -> Slots.increment(slot));
            }
            if (Slots.get(slot) != 2) {
                throw new IllegalStateException("lost an update");
            }
        }
    }
}
