package com.acme.schedule;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code invokeAll} of two callables that both add to the iteration's static. */
public final class InvokeAllRacy {

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Callable<Long> add = () -> {
                Slots.increment(slot);
                return 1L;
            };
            pool.invokeAll(List.of(add, add));
        }
        pool.shutdown();
    }
}
