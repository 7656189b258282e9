package com.acme.sync;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;

/**
 * {@link PhaserClean} with the right thread calling {@code arrive()} where it meant
 * {@code arriveAndAwaitAdvance()}: arriving publishes its own earlier actions but waits for, and so acquires,
 * nobody. The right thread arrives first and reads {@code left}, which the left thread writes before its own
 * arrival; {@code ARRIVED} only lets the left thread start after that arrival (it orders the right thread's
 * actions before the left thread's, not the write before the read). A model that let {@code arrive} acquire
 * the phase's later arrivals would miss the race.
 */
public final class PhaserRacy {
    static final Phaser PHASER = new Phaser(2);
    static final CountDownLatch ARRIVED = new CountDownLatch(1);
    static int left;
    static int rightSaw;

    public static void main(String[] args) throws Exception {
        Thread l = new Thread(() -> {
            try {
                ARRIVED.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            left = 1;
            PHASER.arriveAndAwaitAdvance();
        }, "left");
        Thread r = new Thread(() -> {
            PHASER.arrive(); // does not wait for the left thread's arrival
            ARRIVED.countDown();
            rightSaw = left;
        }, "right");
        l.start();
        r.start();
        l.join();
        r.join();
        if (rightSaw != 0 && rightSaw != 1) {
            throw new AssertionError("rightSaw=" + rightSaw);
        }
    }
}
