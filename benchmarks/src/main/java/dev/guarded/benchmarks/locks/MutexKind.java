package dev.guarded.benchmarks.locks;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The primitives compared by the lock benchmarks. Each constant names the primitive and the face used:
 * "BLOCKING" calls the blocking method, "ASYNC" calls the future-returning method and joins the future.
 * Used as a JMH {@code @Param}, so the names are the values accepted on the command line
 * ({@code -p impl=GUARDED_LOCK_ASYNC}).
 */
public enum MutexKind {
    /** Guarded {@code AsyncLock.lock()/unlock()}. */
    GUARDED_LOCK_BLOCKING(GuardedMutexes::lockBlocking),
    /** Guarded {@code AsyncLock.lockAsync().join()/unlock()}. */
    GUARDED_LOCK_ASYNC(GuardedMutexes::lockAsync),
    /** Guarded {@code AsyncSemaphore(1).acquire()/release()}. */
    GUARDED_SEMAPHORE_BLOCKING(GuardedMutexes::semaphoreBlocking),
    /** Guarded {@code AsyncSemaphore(1).acquireAsync().join()/release()}. */
    GUARDED_SEMAPHORE_ASYNC(GuardedMutexes::semaphoreAsync),
    /** {@code new ReentrantLock(false)}. */
    JUC_REENTRANT_NONFAIR(() -> JucMutexes.lock(new ReentrantLock(false))),
    /** {@code new ReentrantLock(true)}. */
    JUC_REENTRANT_FAIR(() -> JucMutexes.lock(new ReentrantLock(true))),
    /** {@code new Semaphore(1, true)}. */
    JUC_SEMAPHORE_FAIR(() -> JucMutexes.semaphore(new Semaphore(1, true))),
    /** asyncutil {@code AsyncLock.createFair().acquireLock()}, joined. */
    ASYNCUTIL_LOCK(AsyncutilMutexes::lock),
    /** asyncutil {@code new FairAsyncSemaphore(1).acquire()}, joined. */
    ASYNCUTIL_SEMAPHORE(AsyncutilMutexes::semaphore);

    private final Supplier<Mutex> factory;

    MutexKind(Supplier<Mutex> factory) {
        this.factory = factory;
    }

    /** @return a new, free mutex of this kind */
    public Mutex create() {
        return factory.get();
    }
}
