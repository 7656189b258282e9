package com.acme.monitor;

/**
 * {@link WaitNotifyClean} with {@code data} written after {@code notify()} and the end of the
 * {@code synchronized} block: the woken consumer re-enters the monitor, which orders the flag, not the write
 * that followed the producer's exit.
 */
public final class WaitNotifyRacy {
    static final Object LOCK = new Object();
    static int data;
    static boolean ready; // guarded by LOCK
    static int seen;

    public static void main(String[] args) throws Exception {
        Thread consumer = new Thread(() -> {
            synchronized (LOCK) {
                while (!ready) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            seen = data;
        }, "consumer");
        consumer.start();
        Thread.sleep(20);
        synchronized (LOCK) {
            ready = true;
            LOCK.notify();
        }
        data = 42; // after the notify and the monitor exit
        consumer.join();
    }
}
