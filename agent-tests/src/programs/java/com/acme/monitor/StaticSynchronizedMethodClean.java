package com.acme.monitor;

/** Two threads call a {@code static synchronized} method: the class object is the monitor. */
public final class StaticSynchronizedMethodClean {
    static long total;

    static synchronized void add(int n) {
        total += n;
    }

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 1; i <= 500; i++) {
                add(i);
            }
        };
        Thread a = new Thread(work, "worker-a");
        Thread b = new Thread(work, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (total != 2 * 125250) {
            throw new AssertionError("total=" + total);
        }
    }
}
