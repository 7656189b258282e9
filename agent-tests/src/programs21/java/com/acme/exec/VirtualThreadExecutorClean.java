package com.acme.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Main writes {@code input}; 50 tasks on a virtual-thread-per-task executor read it and fill slots. */
public final class VirtualThreadExecutorClean {
    static int input;
    static final int[] SLOTS = new int[50];

    public static void main(String[] args) throws Exception {
        input = 2;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < SLOTS.length; i++) {
                int slot = i;
                futures.add(pool.submit(() -> SLOTS[slot] = slot * input));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            for (int i = 0; i < SLOTS.length; i++) {
                if (SLOTS[i] != i * 2) {
                    throw new AssertionError("slot " + i + "=" + SLOTS[i]);
                }
            }
        }
    }
}
