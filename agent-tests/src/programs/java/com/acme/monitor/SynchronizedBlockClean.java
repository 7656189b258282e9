package com.acme.monitor;

/** Two threads increment a shared counter inside {@code synchronized} blocks on one lock object. */
public final class SynchronizedBlockClean {
    static final Object LOCK = new Object();
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (LOCK) {
                    counter++;
                }
            }
        };
        Thread a = new Thread(work, "worker-a");
        Thread b = new Thread(work, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (counter != 2000) {
            throw new AssertionError("counter=" + counter);
        }
    }
}
