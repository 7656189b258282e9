package com.acme.guarded;

import dev.guarded.sync.AsyncCondition;
import dev.guarded.sync.AsyncLock;

/**
 * A consumer waits on an {@code AsyncCondition} until the producer publishes {@code data}, sets the flag
 * under the lock and signals.
 */
public final class AsyncConditionClean {
    static final AsyncLock LOCK = new AsyncLock();
    static final AsyncCondition READY = new AsyncCondition(LOCK);
    static boolean ready; // guarded by LOCK
    static int data;
    static int seen;

    public static void main(String[] args) throws Exception {
        Thread consumer = new Thread(() -> {
            try {
                LOCK.lock();
                try {
                    READY.waitFor(() -> ready);
                } finally {
                    LOCK.unlock();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            seen = data;
        }, "consumer");
        consumer.start();
        Thread.sleep(20);
        data = 42;
        LOCK.lock();
        try {
            ready = true;
            READY.signalAll();
        } finally {
            LOCK.unlock();
        }
        consumer.join();
        if (seen != 42) {
            throw new AssertionError("seen=" + seen);
        }
    }
}
