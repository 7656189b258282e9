package com.acme.locks;

import java.util.concurrent.locks.StampedLock;

/** Two writers increment under {@code StampedLock.writeLock}; a reader reads under {@code readLock}. */
public final class StampedLockClean {
    static final StampedLock LOCK = new StampedLock();
    static int counter;
    static int lastSeen;

    public static void main(String[] args) throws Exception {
        Runnable writer = () -> {
            for (int i = 0; i < 1000; i++) {
                long stamp = LOCK.writeLock();
                try {
                    counter++;
                } finally {
                    LOCK.unlockWrite(stamp);
                }
            }
        };
        Runnable reader = () -> {
            for (int i = 0; i < 1000; i++) {
                long stamp = LOCK.readLock();
                try {
                    lastSeen = Math.max(lastSeen, counter);
                } finally {
                    LOCK.unlockRead(stamp);
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
