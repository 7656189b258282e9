package com.acme.monitor;

/** {@link WaitNotifyAllClean} without the monitor: both consumers sleep instead of waiting. */
public final class WaitNotifyAllRacy {
    static int data;
    static final int[] SEEN = new int[2];

    public static void main(String[] args) throws Exception {
        Thread[] consumers = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int slot = i;
            consumers[i] = new Thread(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                SEEN[slot] = data;
            }, "consumer-" + i);
            consumers[i].start();
        }
        data = 7;
        for (Thread c : consumers) {
            c.join();
        }
    }
}
