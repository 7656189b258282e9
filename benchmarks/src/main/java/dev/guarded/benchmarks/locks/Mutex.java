package dev.guarded.benchmarks.locks;

/**
 * One mutual-exclusion face of a primitive, reduced to what the benchmarks need: take it, give it back.
 * Implementations wrap a lock or a one-permit semaphore; the "async" ones wait on the returned future.
 *
 * <p>Memory ordering: whatever the wrapped primitive guarantees; every implementation here wraps a primitive
 * whose release happens-before the next successful acquire.
 */
public interface Mutex {

    /**
     * Blocks until the mutex is held by the caller.
     *
     * @throws InterruptedException if the wrapped primitive's wait was interrupted
     */
    void acquire() throws InterruptedException;

    /** Releases the mutex taken by the last {@link #acquire()}. */
    void release();
}
