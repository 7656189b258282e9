package com.acme.guarded;

import dev.guarded.sync.AsyncLock;
import dev.guarded.sync.Guard;

/** Two threads increment a counter under Guarded's {@code AsyncLock} (blocking lock and guard forms). */
public final class AsyncLockClean {
    static final AsyncLock LOCK = new AsyncLock();
    static int counter;

    public static void main(String[] args) throws Exception {
        Thread a = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                try {
                    LOCK.lock();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                try {
                    counter++;
                } finally {
                    LOCK.unlock();
                }
            }
        }, "worker-a");
        Thread b = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                try (Guard g = LOCK.guard()) {
                    counter++;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "worker-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (counter != 1000) {
            throw new AssertionError("counter=" + counter);
        }
    }
}
