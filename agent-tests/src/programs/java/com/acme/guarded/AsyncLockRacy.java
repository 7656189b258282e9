package com.acme.guarded;

import dev.guarded.sync.AsyncLock;

/**
 * {@link AsyncLockClean} with the increment split: each worker reads {@code counter} holding the
 * {@code AsyncLock} but writes it back after {@code unlock()}. The lock orders the critical sections, not
 * what follows them.
 */
public final class AsyncLockRacy {
    static final AsyncLock LOCK = new AsyncLock();
    static int counter;

    public static void main(String[] args) throws Exception {
        Runnable work = () -> {
            for (int i = 0; i < 500; i++) {
                int next;
                try {
                    LOCK.lock();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
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
    }
}
