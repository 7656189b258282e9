package com.acme.monitor;

/**
 * {@link WaitNotifyAllClean} with {@code data} written after {@code notifyAll()} and the end of the
 * {@code synchronized} block: each woken consumer re-enters the monitor, which orders the flag, not the write
 * that followed the producer's exit.
 */
public final class WaitNotifyAllRacy {
    static final Object LOCK = new Object();
    static int data;
    static boolean ready; // guarded by LOCK
    static final int[] SEEN = new int[2];

    public static void main(String[] args) throws Exception {
        Thread[] consumers = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int slot = i;
            consumers[i] = new Thread(() -> {
                synchronized (LOCK) {
                    while (!ready) {
                        try {
                            LOCK.wait();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                SEEN[slot] = data;
            }, "consumer-" + i);
            consumers[i].start();
        }
        Thread.sleep(20);
        synchronized (LOCK) {
            ready = true;
            LOCK.notifyAll();
        }
        data = 7; // after the notifyAll and the monitor exit
        for (Thread c : consumers) {
            c.join();
        }
    }
}
