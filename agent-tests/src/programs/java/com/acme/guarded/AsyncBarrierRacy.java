package com.acme.guarded;

import java.util.concurrent.BrokenBarrierException;

import dev.guarded.sync.AsyncBarrier;

/**
 * {@link AsyncBarrierClean} with the left thread's write moved after the barrier: {@code await} orders what
 * each party did before it ahead of what the others do after it, and nothing after it. A model that kept
 * the parties ordered past the barrier would miss the race.
 */
public final class AsyncBarrierRacy {
    static final AsyncBarrier BARRIER = new AsyncBarrier(2);
    static int left;
    static int right;
    static int leftSaw;
    static int rightSaw;

    public static void main(String[] args) throws Exception {
        Thread l = new Thread(() -> {
            await();
            left = 1; // after the barrier: not ordered before the right thread's read
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
        if (leftSaw != 2) {
            throw new AssertionError("leftSaw=" + leftSaw);
        }
    }

    private static void await() {
        try {
            BARRIER.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
