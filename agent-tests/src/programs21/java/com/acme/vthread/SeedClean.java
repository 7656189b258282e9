package com.acme.vthread;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The seed scenario with a {@code ReentrantLock}: 10,000 virtual threads each sleep 10 ms, then read and
 * write {@code value} under the lock. The sleep is outside the lock so the run takes seconds, not 100 s
 * of serialized sleeping; all 10,000 threads are alive at once as in the racy version.
 */
public final class SeedClean {
    static final ReentrantLock LOCK = new ReentrantLock();
    static int value;

    public static void main(String[] args) throws Exception {
        List<Thread> threads = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                LOCK.lock();
                try {
                    int tmp = value;
                    value = tmp + 1;
                } finally {
                    LOCK.unlock();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (value != 10_000) {
            throw new AssertionError("value=" + value);
        }
    }
}
