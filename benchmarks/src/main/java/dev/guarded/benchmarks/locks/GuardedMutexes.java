package dev.guarded.benchmarks.locks;

import dev.guarded.sync.AsyncLock;
import dev.guarded.sync.AsyncSemaphore;

/** {@link Mutex} faces of Guarded's {@link AsyncLock} and {@link AsyncSemaphore}. */
final class GuardedMutexes {

    private GuardedMutexes() {
    }

    static Mutex lockBlocking() {
        AsyncLock lock = new AsyncLock();
        return new Mutex() {
            @Override public void acquire() throws InterruptedException { lock.lock(); }
            @Override public void release() { lock.unlock(); }
        };
    }

    static Mutex lockAsync() {
        AsyncLock lock = new AsyncLock();
        return new Mutex() {
            @Override public void acquire() { lock.lockAsync().join(); }
            @Override public void release() { lock.unlock(); }
        };
    }

    static Mutex semaphoreBlocking() {
        AsyncSemaphore semaphore = new AsyncSemaphore(1);
        return new Mutex() {
            @Override public void acquire() throws InterruptedException { semaphore.acquire(); }
            @Override public void release() { semaphore.release(); }
        };
    }

    static Mutex semaphoreAsync() {
        AsyncSemaphore semaphore = new AsyncSemaphore(1);
        return new Mutex() {
            @Override public void acquire() { semaphore.acquireAsync().join(); }
            @Override public void release() { semaphore.release(); }
        };
    }
}
