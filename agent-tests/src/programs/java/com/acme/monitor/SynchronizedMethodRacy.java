package com.acme.monitor;

/** {@link SynchronizedMethodClean} with the {@code synchronized} modifiers removed. */
public final class SynchronizedMethodRacy {
    private int count;

    void increment() {
        count++;
    }

    public static void main(String[] args) throws Exception {
        SynchronizedMethodRacy c = new SynchronizedMethodRacy();
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                c.increment();
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
