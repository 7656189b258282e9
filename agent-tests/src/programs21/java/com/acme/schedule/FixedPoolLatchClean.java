package com.acme.schedule;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** {@link FixedPoolLatchRacy} with each addition under one monitor; main reads after awaitTermination. */
public final class FixedPoolLatchClean {
    private static final Object LOCK = new Object();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            Runnable add = () -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                synchronized (LOCK) {
                    Slots.increment(slot);
                }
            };
            pool.execute(add);
            pool.execute(add);
            go.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS) || Slots.get(slot) != 2) {
                throw new IllegalStateException("lost an update");
            }
        }
    }
}
