package dev.guarded.sync.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A future that stands for a request to a primitive (a lock, permits, a notification, a barrier
 * arrival, or a guard for one of them). Completing it from outside must never lose or fake a grant,
 * so every completion method ends in {@link #complete}, {@link #completeExceptionally} or
 * {@link #cancel}, which subclasses override to withdraw the request, and the two methods that
 * overwrite an outcome are refused.
 *
 * <ul>
 * <li>{@code completeAsync} (both overloads) runs the supplier on the executor and then calls
 *     {@code complete} or, if the supplier throws, {@code completeExceptionally}: it withdraws.
 *     The JDK's own implementation would set the result directly, bypassing the withdrawal.</li>
 * <li>{@code orTimeout} and {@code completeOnTimeout} already call {@code completeExceptionally}
 *     and {@code complete} when they fire (documented JDK behaviour), so they withdraw too.</li>
 * <li>{@code obtrudeValue} and {@code obtrudeException} throw {@link UnsupportedOperationException}:
 *     overwriting a granted future would hide a grant the caller must release, and overwriting a
 *     pending one would leave the request queued behind a completed future.</li>
 * </ul>
 *
 * <p>{@code toCompletableFuture()} returns this future (same rules); {@code minimalCompletionStage()}
 * returns a stage that cannot be completed, whose {@code toCompletableFuture()} is an independent
 * copy: completing that copy does not touch the request.
 *
 * @param <T> the value the request yields
 */
public class WithdrawingFuture<T> extends CompletableFuture<T> {

    /** Creates a pending future. */
    public WithdrawingFuture() {
    }

    // Settles the result with the JDK's plain volatile store instead of complete()'s CAS: nothing can
    // race a future nobody else has seen yet, and a store keeps an uncontended grant that the caller only
    // joins cheap enough for escape analysis (a CAS would not).
    private WithdrawingFuture(T value) {
        super.obtrudeValue(value);
    }

    /**
     * A request granted on the spot, returned instead of {@code CompletableFuture.completedFuture} so
     * that outside completions are refused on it too (they return {@code false} or throw). A new object
     * each time, never a shared one: the race detector treats a future as a channel, and a future shared
     * by unrelated acquires would let them appear ordered.
     *
     * @param value the granted value
     * @param <T> the value type
     * @return a completed future
     */
    public static <T> WithdrawingFuture<T> granted(T value) {
        return new WithdrawingFuture<>(value);
    }

    /**
     * Refused: overwriting the outcome of a request would lose or fake a grant.
     *
     * @param value ignored
     * @throws UnsupportedOperationException always
     */
    @Override
    public void obtrudeValue(T value) {
        throw refused("obtrudeValue");
    }

    /**
     * Refused: overwriting the outcome of a request would lose or fake a grant.
     *
     * @param ex ignored
     * @throws UnsupportedOperationException always
     */
    @Override
    public void obtrudeException(Throwable ex) {
        throw refused("obtrudeException");
    }

    /**
     * Runs {@code supplier} on {@code executor}, then completes this future through
     * {@link #complete} (or {@link #completeExceptionally} if it throws), so the request is
     * withdrawn exactly as by a direct {@code complete}.
     *
     * @param supplier supplies the value
     * @param executor runs the supplier
     * @return this future
     */
    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        if (supplier == null || executor == null) {
            throw new NullPointerException("completeAsync: supplier and executor must not be null");
        }
        executor.execute(() -> {
            if (isDone()) {
                return; // as the JDK's version: nothing to supply for a completed future
            }
            T value;
            try {
                value = supplier.get();
            } catch (Throwable t) {
                completeExceptionally(t);
                return;
            }
            complete(value);
        });
        return this;
    }

    /**
     * As {@link #completeAsync(Supplier, Executor)} on {@link #defaultExecutor()}.
     *
     * @param supplier supplies the value
     * @return this future
     */
    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier) {
        return completeAsync(supplier, defaultExecutor());
    }

    private static UnsupportedOperationException refused(String method) {
        return new UnsupportedOperationException(method + " is refused on a future returned by a Guarded primitive:"
                + " it would lose or fake a grant; use complete, completeExceptionally or cancel to withdraw the request");
    }
}
