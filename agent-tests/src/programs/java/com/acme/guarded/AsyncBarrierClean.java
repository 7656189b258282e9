package com.acme.guarded;

import dev.guarded.sync.AsyncBarrier;

/** Each of two threads writes its own field, meets the other at an {@code AsyncBarrier}, reads the other's. */
public final class AsyncBarrierClean {
    static final AsyncBarrier BARRIER = new AsyncBarrier(2);
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
