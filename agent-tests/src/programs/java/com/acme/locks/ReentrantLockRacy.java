package com.acme.locks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link ReentrantLockClean} with the increment split: each worker reads {@code counter} under the lock but
 * writes it back after {@code unlock()}. The lock orders the critical sections, not what follows them; a
 * model that released at the wrong point (or let a lock order its holder's later actions) would miss the race.
 */
public final class ReentrantLockRacy {
    static final ReentrantLock LOCK = new ReentrantLock();
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                int next;
                LOCK.lock();
                try {
                    next = counter + 1;
                } finally {
                    LOCK.unlock();
                }
                counter = next; // outside the lock
            }
        };
        Thread a = new Thread(work, "worker-a");
        Thread b = new Thread(work, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (counter < 1 || counter > 2000) {
            throw new AssertionError("counter=" + counter);
        }
    }
}
