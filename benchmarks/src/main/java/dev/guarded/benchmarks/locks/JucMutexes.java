package dev.guarded.benchmarks.locks;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;

/** {@link Mutex} faces of {@code java.util.concurrent} locks and semaphores (the baselines). */
final class JucMutexes {

    private JucMutexes() {
    }

    static Mutex lock(Lock lock) {
        return new Mutex() {
            @Override public void acquire() { lock.lock(); }
            @Override public void release() { lock.unlock(); }
        };
    }

    static Mutex semaphore(Semaphore semaphore) {
        return new Mutex() {
            @Override public void acquire() throws InterruptedException { semaphore.acquire(); }
            @Override public void release() { semaphore.release(); }
        };
    }
}
