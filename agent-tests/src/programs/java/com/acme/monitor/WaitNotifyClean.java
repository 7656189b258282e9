package com.acme.monitor;

/**
 * A consumer waits on a monitor until the producer publishes {@code data} and calls {@code notify()}.
 * The consumer is started first so that it really waits.
 */
public final class WaitNotifyClean {
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
        data = 42;
        synchronized (LOCK) {
            ready = true;
            LOCK.notify();
        }
        consumer.join();
        if (seen != 42) {
            throw new AssertionError("seen=" + seen);
        }
    }
}
