package com.acme.stale;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Event-loop style: each handler posts a continuation that reads and writes without suspending in between. */
public final class EventLoopClean {

    static int value;
    static final CountDownLatch FINISHED = new CountDownLatch(2);

    public static void main(String[] args) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        for (int i = 0; i < 2; i++) {
            loop.execute(() -> loop.execute(() -> {
                value = value + 1;
                FINISHED.countDown();
            }));
        }
        FINISHED.await();   // every continuation ran: only now may the executor stop taking tasks
        loop.shutdown();
        loop.awaitTermination(10, TimeUnit.SECONDS);
        if (value != 2) {
            throw new AssertionError(value);
        }
    }
}
