package com.acme.locks;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Two writers increment under the write lock; a reader reads under the read lock. */
public final class ReadWriteLockClean {
    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static int counter;
    static int lastSeen;

    public static void main(String[] args) throws Exception {
        Runnable writer = () -> {
            for (int i = 0; i < 1000; i++) {
                RW.writeLock().lock();
                try {
                    counter++;
                } finally {
                    RW.writeLock().unlock();
                }
            }
        };
        Runnable reader = () -> {
            for (int i = 0; i < 1000; i++) {
                RW.readLock().lock();
                try {
                    lastSeen = Math.max(lastSeen, counter); // lastSeen: only this thread until join
                } finally {
                    RW.readLock().unlock();
                }
            }
        };
        Thread a = new Thread(writer, "writer-a");
        Thread b = new Thread(writer, "writer-b");
        Thread r = new Thread(reader, "reader");
        a.start();
        b.start();
        r.start();
        a.join();
        b.join();
        r.join();
        if (counter != 2000 || lastSeen > 2000) {
            throw new AssertionError("counter=" + counter + " lastSeen=" + lastSeen);
        }
    }
}
