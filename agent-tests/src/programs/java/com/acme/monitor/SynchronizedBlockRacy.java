package com.acme.monitor;

/** {@link SynchronizedBlockClean} without the {@code synchronized} block: lost updates on {@code counter}. */
public final class SynchronizedBlockRacy {
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                counter++;
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
