package com.acme.locks;

import java.util.concurrent.locks.ReentrantLock;

/** Two threads increment one counter, each under its OWN ReentrantLock. */
public final class DifferentLocksRacy {
    static final ReentrantLock LOCK_A = new ReentrantLock();
    static final ReentrantLock LOCK_B = new ReentrantLock();
    static int counter;

    public static void main(String[] args) throws Exception {
        Thread a = new Thread(() -> work(LOCK_A), "worker-a");
        Thread b = new Thread(() -> work(LOCK_B), "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    private static void work(ReentrantLock lock) {
        for (int i = 0; i < 1000; i++) {
            lock.lock();
            try {
                counter++;
            } finally {
                lock.unlock();
            }
        }
    }
}
