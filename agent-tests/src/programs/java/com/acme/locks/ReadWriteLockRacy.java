package com.acme.locks;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link ReadWriteLockClean} where the writers take the READ lock: read locks are shared, they do not order
 * their holders with each other, so the increments race.
 */
public final class ReadWriteLockRacy {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable writer = () -> {
            for (int i = 0; i < 1000; i++) {
                RW.readLock().lock();
                try {
                    counter++;
                } finally {
                    RW.readLock().unlock();
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
