package com.acme.schedule;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link InvokeAllRacy} with the callables reading only; the caller adds up after invokeAll returned. */
public final class InvokeAllClean {

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Slots.set(slot, 1);
            Callable<Long> read = () -> Slots.get(slot);
            long sum = 0;
            for (Future<Long> f : pool.invokeAll(List.of(read, read))) {
                sum += f.resultNow();
            }
            Slots.set(slot, sum);
        }
        pool.shutdown();
    }
}
