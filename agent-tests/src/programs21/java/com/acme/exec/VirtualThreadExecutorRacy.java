package com.acme.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link VirtualThreadExecutorClean} where all tasks add into one shared field. */
public final class VirtualThreadExecutorRacy {
    static int input;
    static int total;

    public static void main(String[] args) throws Exception {
        input = 2;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int slot = i;
                futures.add(pool.submit(() -> {
                    Thread.yield();
                    total += slot * input;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }
}
