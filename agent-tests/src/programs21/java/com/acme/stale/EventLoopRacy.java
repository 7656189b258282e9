package com.acme.stale;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Event-loop style: each handler reads the state and posts its continuation back to the loop, which writes the
 * old value + 1; a second handler runs in between, so its update is lost.
 */
public final class EventLoopRacy {

    static int value;
    static final CountDownLatch FINISHED = new CountDownLatch(2);

    public static void main(String[] args) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        for (int i = 0; i < 2; i++) {
            loop.execute(() -> {
                int read = value;
                loop.execute(() -> {
                    value = read + 1;
                    FINISHED.countDown();
                });
            });
        }
        gate.open();
        FINISHED.await();   // every continuation ran: only now may the executor stop taking tasks
        loop.shutdown();
        loop.awaitTermination(10, TimeUnit.SECONDS);
    }
}
