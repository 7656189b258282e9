package com.acme.locks;

import java.util.concurrent.locks.ReentrantLock;

/** Two threads increment a counter under a {@code ReentrantLock}. */
public final class ReentrantLockClean {
    static final ReentrantLock LOCK = new ReentrantLock();
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                LOCK.lock();
                try {
                    counter++;
                } finally {
                    LOCK.unlock();
                }
            }
        };
        Thread a = new Thread(work, "worker-a");
        Thread b = new Thread(work, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (counter != 2000) {
            throw new AssertionError("counter=" + counter);
        }
    }
}
