package com.acme.sync;

import java.util.concurrent.CyclicBarrier;

/** Each of two threads writes its own field, meets the other at a barrier, then reads the other's field. */
public final class CyclicBarrierClean {
    static final CyclicBarrier BARRIER = new CyclicBarrier(2);
    static int left;
    static int right;
    static int leftSaw;
    static int rightSaw;

    public static void main(String[] args) throws Exception {
        Thread l = new Thread(() -> {
            left = 1;
            await();
            leftSaw = right;
        }, "left");
        Thread r = new Thread(() -> {
            right = 2;
            await();
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

    private static void await() {
        try {
            BARRIER.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
