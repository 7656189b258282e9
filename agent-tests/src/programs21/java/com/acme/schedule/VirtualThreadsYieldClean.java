package com.acme.schedule;

import java.util.concurrent.locks.ReentrantLock;

/** {@link VirtualThreadsYieldRacy} with each read-yield-write under one ReentrantLock. */
public final class VirtualThreadsYieldClean {
    private static final ReentrantLock LOCK = new ReentrantLock();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            Runnable add = () -> {
                LOCK.lock();
                try {
                    Slots.increment(slot);
                } finally {
                    LOCK.unlock();
                }
            };
            Thread a = Thread.ofVirtual().start(add);
            Thread b = Thread.ofVirtual().start(add);
            a.join();
            b.join();
            if (Slots.get(slot) != 2) {
                throw new IllegalStateException("lost an update");
            }
        }
    }
}
