package com.acme.sync;

/** {@link CyclicBarrierClean} without the barrier: each thread sleeps, then reads the other's field. */
public final class CyclicBarrierRacy {
    static int left;
    static int right;
    static int leftSaw;
    static int rightSaw;

    public static void main(String[] args) throws Exception {
        Thread l = new Thread(() -> {
            left = 1;
            pause();
            leftSaw = right;
        }, "left");
        Thread r = new Thread(() -> {
            right = 2;
            pause();
            rightSaw = left;
        }, "right");
        l.start();
        r.start();
        l.join();
        r.join();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
