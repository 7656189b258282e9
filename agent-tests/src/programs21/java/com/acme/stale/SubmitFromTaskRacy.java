package com.acme.stale;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Each task reads, then {@code submit}s its own continuation, which writes the old value + 1: lost update. */
public final class SubmitFromTaskRacy {

    static int value;
    static final CountDownLatch FINISHED = new CountDownLatch(2);

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(pool);
        for (int i = 0; i < 2; i++) {
            pool.submit(() -> {
                int read = value;
                pool.submit(() -> {
                    value = read + 1;
                    FINISHED.countDown();
                });
            });
        }
        gate.open();
        FINISHED.await();   // every continuation ran: only now may the executor stop taking tasks
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
