package dev.guarded.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The future of a condition wait. It may only complete once the lock has been re-acquired, so a
 * cancellation, timeout or outside completion is recorded as a request: the wait is withdrawn, and
 * the future completes with the requested outcome once the lock is held again.
 *
 * @param <T> the result type
 */
final class ReacquiringFuture<T> extends CompletableFuture<T> {
    private static final VarHandle REQUEST;
    private static final Object FINISHING = new Object();

    static {
        try {
            REQUEST = MethodHandles.lookup().findVarHandle(ReacquiringFuture.class, "request", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** An outside request: a completion value or a failure. */
    private static final class Outcome {
        final Object value;
        final Throwable failure;

        Outcome(Object value, Throwable failure) {
            this.value = value;
            this.failure = failure;
        }
    }

    /** {@code null} while waiting, an {@link Outcome} once aborted, {@link #FINISHING} once finishing. */
    private volatile Object request;
    private volatile Runnable onAbort;

    /** @param onAbort withdraws the pending wait (set before the future is published) */
    void onAbort(Runnable onAbort) {
        this.onAbort = onAbort;
    }

    /** @return whether an outside completion was requested */
    boolean abortRequested() {
        return request instanceof Outcome;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return requestAbort(new Outcome(null, new CancellationException("condition wait cancelled")));
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException("completeExceptionally(null): a failure is required");
        }
        return requestAbort(new Outcome(null, ex));
    }

    @Override
    public boolean complete(T value) {
        return requestAbort(new Outcome(value, null));
    }

    private boolean requestAbort(Outcome o) {
        if (!REQUEST.compareAndSet(this, null, o)) {
            return false;
        }
        Runnable r = onAbort;
        if (r != null) {
            r.run();
        }
        return true;
    }

    /** Called with the lock held again: completes with {@code value} unless an abort was requested. */
    void finish(T value) {
        if (REQUEST.compareAndSet(this, null, FINISHING)) {
            super.complete(value);
        } else {
            finishRequested();
        }
    }

    /** Called with the lock held again: fails with {@code failure} unless an abort was requested. */
    void finishExceptionally(Throwable failure) {
        if (REQUEST.compareAndSet(this, null, FINISHING)) {
            super.completeExceptionally(failure);
        } else {
            finishRequested();
        }
    }

    @SuppressWarnings("unchecked")
    private void finishRequested() {
        Object r = request;
        if (r instanceof Outcome) {
            Outcome o = (Outcome) r;
            if (o.failure != null) {
                super.completeExceptionally(o.failure);
            } else {
                super.complete((T) o.value);
            }
        }
    }
}
