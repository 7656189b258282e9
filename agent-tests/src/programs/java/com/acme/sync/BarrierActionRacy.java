package com.acme.sync;

import java.util.concurrent.CyclicBarrier;

/**
 * {@link BarrierActionClean} with the main thread, which is not a party, reading {@code total} after sleeping
 * instead of after an {@code await()}: the barrier action is published to the parties only.
 */
public final class BarrierActionRacy {
    static int total;

    public static void main(String[] args) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2, () -> total = 42);
        Thread a = new Thread(() -> await(barrier), "a");
        Thread b = new Thread(() -> await(barrier), "b");
        a.start();
        b.start();
        Thread.sleep(100);
        int seen = total;
        a.join();
        b.join();
        System.out.println(seen);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
