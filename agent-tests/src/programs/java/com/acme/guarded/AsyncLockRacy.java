package com.acme.guarded;

/** {@link AsyncLockClean} without the lock. */
public final class AsyncLockRacy {
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 0; i < 500; i++) {
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
