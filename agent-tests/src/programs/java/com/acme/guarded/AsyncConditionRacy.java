package com.acme.guarded;

import dev.guarded.sync.AsyncCondition;
import dev.guarded.sync.AsyncLock;

/**
 * {@link AsyncConditionClean} with {@code data} written after the signal and the unlock: the consumer wakes
 * under the lock, which orders the flag, not the write that came after the producer's unlock.
 */
public final class AsyncConditionRacy {
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
        LOCK.lock();
        try {
            ready = true;
            READY.signalAll();
        } finally {
            LOCK.unlock();
        }
        data = 42; // after the signal and the unlock: nothing orders it before the consumer's read
        consumer.join();
    }
}
