package com.acme.locks;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A consumer awaits a {@code Condition} until the producer publishes {@code data} and signals. */
public final class LockConditionClean {
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
        data = 42;
        LOCK.lock();
        try {
            ready = true;
            READY.signal();
        } finally {
            LOCK.unlock();
        }
        consumer.join();
        if (seen != 42) {
            throw new AssertionError("seen=" + seen);
        }
    }
}
