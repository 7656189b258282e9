package com.acme.locks;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link LockConditionClean} with {@code data} written after {@code signal()} and {@code unlock()}: the
 * consumer wakes holding the lock, which orders the flag, not the write that followed the producer's unlock.
 */
public final class LockConditionRacy {
    static final ReentrantLock LOCK = new ReentrantLock();
    static final Condition READY = LOCK.newCondition();
    static boolean ready; // guarded by LOCK
    static int data;
    static int seen;

    public static void main(String[] args) throws Exception {
        Thread consumer = new Thread(() -> {
            LOCK.lock();
            try {
                while (!ready) {
                    READY.awaitUninterruptibly();
                }
            } finally {
                LOCK.unlock();
            }
            seen = data;
        }, "consumer");
        consumer.start();
        Thread.sleep(20);
        LOCK.lock();
        try {
            ready = true;
            READY.signal();
        } finally {
            LOCK.unlock();
        }
        data = 42; // after the signal and the unlock
        consumer.join();
    }
}
