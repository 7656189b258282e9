package com.acme.stale;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * Holds an executor's only thread until {@link #open}, so that the first steps of every flow a racy program
 * starts are queued before any of them runs: the interleaving the program misuses then happens in every run,
 * however slowly the main thread gets to its second flow.
 */
final class LoopGate {

    private final CountDownLatch open = new CountDownLatch(1);

    private LoopGate() {
    }

    /** Occupies {@code loop}'s thread until the gate opens. */
    static LoopGate hold(Executor loop) {
        LoopGate gate = new LoopGate();
        loop.execute(() -> {
            try {
                gate.open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return gate;
    }

    void open() {
        open.countDown();
    }
}
