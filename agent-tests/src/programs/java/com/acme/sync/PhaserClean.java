package com.acme.sync;

import java.util.concurrent.Phaser;

/** Two parties write their own field, {@code arriveAndAwaitAdvance}, then read the other's field. */
public final class PhaserClean {
    static final Phaser PHASER = new Phaser(2);
    static int left;
    static int right;
    static int leftSaw;
    static int rightSaw;

    public static void main(String[] args) throws Exception {
        Thread l = new Thread(() -> {
            left = 1;
            PHASER.arriveAndAwaitAdvance();
            leftSaw = right;
        }, "left");
        Thread r = new Thread(() -> {
            right = 2;
            PHASER.arriveAndAwaitAdvance();
            rightSaw = left;
        }, "right");
        l.start();
        r.start();
        l.join();
        r.join();
        if (leftSaw != 2 || rightSaw != 1) {
            throw new AssertionError(leftSaw + "," + rightSaw);
        }
    }
}
