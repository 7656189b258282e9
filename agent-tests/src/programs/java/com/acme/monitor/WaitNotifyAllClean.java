package com.acme.monitor;

/** Two consumers wait on a monitor; the producer publishes {@code data} and wakes both with notifyAll. */
public final class WaitNotifyAllClean {
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
        data = 7;
        synchronized (LOCK) {
            ready = true;
            LOCK.notifyAll();
        }
        for (Thread c : consumers) {
            c.join();
        }
        if (SEEN[0] != 7 || SEEN[1] != 7) {
            throw new AssertionError(SEEN[0] + "," + SEEN[1]);
        }
    }
}
