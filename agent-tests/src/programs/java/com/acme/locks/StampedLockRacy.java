package com.acme.locks;

import java.util.concurrent.locks.StampedLock;

/** {@link StampedLockClean} where the writers take the shared read lock: their increments race. */
public final class StampedLockRacy {
    static final StampedLock LOCK = new StampedLock();
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable writer = () -> {
            for (int i = 0; i < 1000; i++) {
                long stamp = LOCK.readLock();
                try {
                    counter++;
                } finally {
                    LOCK.unlockRead(stamp);
                }
            }
        };
        Thread a = new Thread(writer, "writer-a");
        Thread b = new Thread(writer, "writer-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
