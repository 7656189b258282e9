package dev.guarded.sync.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Where a primitive's futures complete: inline (trampolined) by default, or on a chosen executor. */
public final class Delivery {
    private Delivery() {
    }

    /**
     * Runs a completion on {@code executor}, or trampolined in this thread if it is {@code null}.
     * A completion stands for a grant that must not be lost, so if the executor refuses it (for
     * example after shutdown) it runs in this thread instead.
     *
     * @param executor where continuations should run, or {@code null} for the granting thread
     * @param completion completes one future; must not block
     */
    public static void complete(Executor executor, Runnable completion) {
        if (executor == null) {
            Trampoline.run(completion);
            return;
        }
        try {
            executor.execute(completion);
        } catch (RuntimeException refused) {
            Trampoline.run(completion);
        }
    }

    /**
     * Fails {@code waiter} with a {@link TimeoutException} after {@code nanos} unless it completed
     * first; the failure withdraws the request. Without an executor it fires on the JDK's delay
     * thread (and the timer is dropped when the waiter completes), with one on that executor.
     *
     * @param waiter the pending request
     * @param nanos the delay, {@code > 0}
     * @param executor where the timeout's continuations should run, or {@code null}
     * @param message the timeout's message
     */
    public static void timeout(CompletableFuture<?> waiter, long nanos, Executor executor, String message) {
        if (executor == null) {
            waiter.orTimeout(nanos, TimeUnit.NANOSECONDS);
            return;
        }
        Executor delayed = CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, executor);
        try {
            delayed.execute(() -> waiter.completeExceptionally(new TimeoutException(message)));
        } catch (RuntimeException refused) {
            waiter.orTimeout(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
