package com.acme.stale;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Event-loop style, through a setter and a getter: each handler stores a value and reads it back, then posts a
 * continuation that stores what it read + 1. The second handler's store runs in between and is lost: a value
 * read back from the flow's own write is as stale after a suspension as any other.
 */
public final class ReadBackRacy {

    static final Register STATE = new Register();
    static final CountDownLatch FINISHED = new CountDownLatch(2);

    public static void main(String[] args) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        for (int i = 1; i <= 2; i++) {
            int handler = i;
            loop.execute(() -> {
                STATE.store(handler * 10);
                int read = STATE.load();
                loop.execute(() -> {
                    STATE.store(read + 1);
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
