package com.acme.locks;

/** {@link ReentrantLockClean} without the lock. */
public final class ReentrantLockRacy {
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
