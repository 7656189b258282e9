package dev.guarded.benchmarks.locks;

import com.ibm.asyncutil.locks.AsyncLock.LockToken;
import com.ibm.asyncutil.locks.FairAsyncSemaphore;
import dev.guarded.sync.AsyncLock;
import dev.guarded.sync.AsyncSemaphore;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/** The async primitives compared by the async-contention and footprint runs (JMH {@code @Param} values). */
public enum AsyncQueueKind {
    /** Guarded {@code AsyncLock.lockAsync()}. */
    GUARDED_LOCK(capacity -> {
        AsyncLock lock = new AsyncLock();
        return new AsyncQueue(capacity) {
            @Override protected CompletableFuture<?> request() { return lock.lockAsync(); }
            @Override protected void release(Object grant) { lock.unlock(); }
        };
    }),
    /** Guarded {@code AsyncSemaphore(1).acquireAsync()}. */
    GUARDED_SEMAPHORE(capacity -> {
        AsyncSemaphore semaphore = new AsyncSemaphore(1);
        return new AsyncQueue(capacity) {
            @Override protected CompletableFuture<?> request() { return semaphore.acquireAsync(); }
            @Override protected void release(Object grant) { semaphore.release(); }
        };
    }),
    /** asyncutil {@code AsyncLock.createFair().acquireLock()}. */
    ASYNCUTIL_LOCK(capacity -> {
        com.ibm.asyncutil.locks.AsyncLock lock = com.ibm.asyncutil.locks.AsyncLock.createFair();
        return new AsyncQueue(capacity) {
            @Override protected CompletableFuture<?> request() { return lock.acquireLock().toCompletableFuture(); }
            @Override protected void release(Object grant) { ((LockToken) grant).releaseLock(); }
        };
    }),
    /** asyncutil {@code new FairAsyncSemaphore(1).acquire()}. */
    ASYNCUTIL_SEMAPHORE(capacity -> {
        FairAsyncSemaphore semaphore = new FairAsyncSemaphore(1);
        return new AsyncQueue(capacity) {
            @Override protected CompletableFuture<?> request() { return semaphore.acquire().toCompletableFuture(); }
            @Override protected void release(Object grant) { semaphore.release(); }
        };
    });

    private final IntFunction<AsyncQueue> factory;

    AsyncQueueKind(IntFunction<AsyncQueue> factory) {
        this.factory = factory;
    }

    /**
     * @param waiters how many waiters the queue will hold
     * @return a fresh, free primitive wrapped for driving
     */
    public AsyncQueue create(int waiters) {
        return factory.apply(waiters);
    }
}
