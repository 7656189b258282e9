package dev.guarded.sync;

import java.util.concurrent.Executor;

/**
 * An {@link AsyncSemaphore} that refuses to hold more permits than it started with: the Java
 * counterpart of {@code asyncio.BoundedSemaphore}. Catches release bugs (releasing a permit that
 * was never acquired) at the faulty {@code release} instead of silently widening the limit.
 *
 * <p>All semantics, fairness and memory effects are those of {@link AsyncSemaphore}. The bound
 * counts available permits (permits already handed to waiters are not available). A request for
 * more permits than the bound could never be met, so every acquire method rejects it with
 * {@link IllegalArgumentException}.
 */
public final class AsyncBoundedSemaphore extends AsyncSemaphore {

    /**
     * Creates a bounded semaphore.
     *
     * @param permits the initial and maximum number of permits, {@code >= 0}
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public AsyncBoundedSemaphore(int permits) {
        super(permits, true, null);
    }

    /**
     * Creates a bounded semaphore whose later-completing futures complete on {@code executor}
     * (see {@link AsyncSemaphore#AsyncSemaphore(int, Executor)}, also for the memory effects).
     *
     * @param permits the initial and maximum number of permits, {@code >= 0}
     * @param executor where continuations of later-completing futures run
     * @throws IllegalArgumentException if {@code permits} is negative
     * @throws NullPointerException if {@code executor} is null
     */
    public AsyncBoundedSemaphore(int permits, Executor executor) {
        super(permits, true, requireExecutor(executor));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException ("released too many times") if the available permits would
     *     exceed the initial count; the count is left unchanged
     */
    @Override
    public void release(int n) {
        super.release(n);
    }
}
