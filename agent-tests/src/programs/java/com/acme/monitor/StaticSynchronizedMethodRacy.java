package com.acme.monitor;

/** {@link StaticSynchronizedMethodClean} without {@code synchronized}. */
public final class StaticSynchronizedMethodRacy {
    static long total;

    static void add(int n) {
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
    }
}
