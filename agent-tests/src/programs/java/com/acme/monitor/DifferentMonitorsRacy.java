package com.acme.monitor;

/** Two threads increment one counter, each under its OWN monitor: the monitors do not order each other. */
public final class DifferentMonitorsRacy {
    static final Object LOCK_A = new Object();
    static final Object LOCK_B = new Object();
    static int counter;

    public static void main(String[] args) throws Exception {
        Thread a = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (LOCK_A) {
                    counter++;
                }
            }
        }, "worker-a");
        Thread b = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (LOCK_B) {
                    counter++;
                }
            }
        }, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
