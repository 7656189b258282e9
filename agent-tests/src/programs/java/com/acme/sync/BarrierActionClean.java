package com.acme.sync;

import java.util.concurrent.CyclicBarrier;

/**
 * The barrier action of a CyclicBarrier writes {@code total}; both parties read it after {@code await()}
 * returns ("actions that are part of the barrier action happen-before actions following a successful return
 * from the corresponding await() in other threads"). Whichever party trips the barrier, the other reads.
 */
public final class BarrierActionClean {
    static int total;

    public static void main(String[] args) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2, () -> total = 42);
        int[] seen = new int[2];
        Thread a = new Thread(() -> seen[0] = awaitThenRead(barrier), "a");
        Thread b = new Thread(() -> seen[1] = awaitThenRead(barrier), "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (seen[0] != 42 || seen[1] != 42) {
            throw new AssertionError(seen[0] + "," + seen[1]);
        }
    }

    private static int awaitThenRead(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return total;
    }
}
