package dev.guarded.benchmarks.locks;

import com.ibm.asyncutil.locks.AsyncLock;
import com.ibm.asyncutil.locks.AsyncSemaphore;
import com.ibm.asyncutil.locks.FairAsyncSemaphore;

/** {@link Mutex} faces of IBM asyncutil 0.1.0 (futures joined, as a blocking caller would). */
final class AsyncutilMutexes {

    private AsyncutilMutexes() {
    }

    static Mutex lock() {
        return new TokenMutex(AsyncLock.createFair());
    }

    static Mutex semaphore() {
        AsyncSemaphore semaphore = new FairAsyncSemaphore(1);
        return new Mutex() {
            @Override public void acquire() { semaphore.acquire().toCompletableFuture().join(); }
            @Override public void release() { semaphore.release(); }
        };
    }

    /** asyncutil releases through the token it granted, so the holder keeps it until release. */
    private static final class TokenMutex implements Mutex {
        private final AsyncLock lock;
        // Written by the holder after acquiring, read by the same holder before releasing; the lock's
        // hand-off orders it with the next holder's write.
        private AsyncLock.LockToken token;

        TokenMutex(AsyncLock lock) {
            this.lock = lock;
        }

        @Override
        public void acquire() {
            token = lock.acquireLock().toCompletableFuture().join();
        }

        @Override
        public void release() {
            AsyncLock.LockToken held = token;
            token = null;
            held.releaseLock();
        }
    }
}
