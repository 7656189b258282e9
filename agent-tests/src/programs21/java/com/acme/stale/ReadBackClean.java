package com.acme.stale;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Event-loop style, through a setter and a getter: each handler stores a value, reads it back and stores its
 * successor, then posts a continuation that stores the handler's number without reading anything (a blind
 * write: the last writer wins, and nothing read before the suspension is written back). The second handler
 * runs in between, as in {@link ReadBackRacy}.
 */
public final class ReadBackClean {

    static final Register STATE = new Register();
    static final CountDownLatch FINISHED = new CountDownLatch(2);

    public static void main(String[] args) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LoopGate gate = LoopGate.hold(loop);
        for (int i = 1; i <= 2; i++) {
            int handler = i;
            loop.execute(() -> {
                STATE.store(handler * 10);
                STATE.store(STATE.load() + 1);
                loop.execute(() -> {
                    STATE.store(handler);
                    FINISHED.countDown();
                });
            });
        }
        gate.open();
        FINISHED.await();   // every continuation ran: only now may the executor stop taking tasks
        loop.shutdown();
        loop.awaitTermination(10, TimeUnit.SECONDS);
        if (STATE.load() != 2) {
            throw new AssertionError(STATE.load());
        }
    }
}
