package com.acme.stale;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two read-submit-write flows run one after the other: the second flow's first task is submitted by the first
 * flow's continuation, after its write.
 */
public final class SubmitFromTaskClean {

    static int value;
    static final CountDownLatch FINISHED = new CountDownLatch(2);

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.submit(() -> flow(pool, () -> flow(pool, () -> { })));
        FINISHED.await();   // every continuation ran: only now may the executor stop taking tasks
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        if (value != 2) {
            throw new AssertionError(value);
        }
    }

    static void flow(ExecutorService pool, Runnable next) {
        int read = value;
        pool.submit(() -> {
            value = read + 1;
            FINISHED.countDown();
            pool.submit(next);
        });
    }
}
