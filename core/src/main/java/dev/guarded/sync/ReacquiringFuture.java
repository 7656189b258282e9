package dev.guarded.sync;

import dev.guarded.sync.internal.WithdrawingFuture;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

/**
 * The future of a condition wait. It completes normally (or by the condition's own timeout) only
 * with the lock re-acquired. An outside completion ({@code cancel}, {@code complete}, ...) wins
 * only while the wait has not finished: it completes the future at once, withdraws the wait (the
 * abort action) and gives up the lock request; if the lock was granted to the wait anyway, it is
 * released again, because nobody waits under it any more.
 *
 * @param <T> the result type
 */
final class ReacquiringFuture<T> extends WithdrawingFuture<T> {
    private static final VarHandle STATE;
    private static final int WAITING = 0;
    private static final int ABORTED = 1;
    private static final int FINISHING = 2;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(ReacquiringFuture.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AsyncLock lock;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    private volatile Runnable onAbort;
    /** The lock request of this wait, once there is one. */
    private volatile CompletableFuture<Void> relock;

    /** @param lock the lock the wait re-acquires */
    ReacquiringFuture(AsyncLock lock) {
        this.lock = lock;
    }

    /** @param onAbort withdraws the pending wait (set before the future is published) */
    void onAbort(Runnable onAbort) {
        this.onAbort = onAbort;
    }

    /** @return whether an outside completion won */
    boolean abortRequested() {
        return state == ABORTED;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return abort() && super.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException("completeExceptionally(null): a failure is required");
        }
        return abort() && super.completeExceptionally(ex);
    }

    @Override
    public boolean complete(T value) {
        return abort() && super.complete(value);
    }

    /** Withdraws the wait if it has not finished; then the caller completes the future. */
    private boolean abort() {
        if (!STATE.compareAndSet(this, WAITING, ABORTED)) {
            return false;
        }
        Runnable r = onAbort;
        if (r != null) {
            r.run();
        }
        CompletableFuture<Void> request = relock;
        if (request != null) {
            request.cancel(false); // if already granted, finishing releases the lock instead
        }
        return true;
    }

    /**
     * Waits for {@code request} (this wait's lock request), then finishes: normally if
     * {@code failure} is null, else with {@code failure}.
     */
    void relockThen(CompletableFuture<Void> request, Throwable failure) {
        relock = request;
        if (abortRequested()) {
            request.cancel(false); // the abort raced with queueing the request
        }
        request.whenComplete((v, e) -> {
            if (e != null) {
                return; // withdrawn by an abort, which completed this future
            }
            if (failure == null) {
                finish(null);
            } else {
                finishExceptionally(failure);
            }
        });
    }

    /** Called with the lock held: completes with {@code value}, or releases the lock if aborted. */
    void finish(T value) {
        if (STATE.compareAndSet(this, WAITING, FINISHING)) {
            super.complete(value);
        } else {
            lock.unlock();
        }
    }

    /** Called with the lock held: fails with {@code failure}, or releases the lock if aborted. */
    void finishExceptionally(Throwable failure) {
        if (STATE.compareAndSet(this, WAITING, FINISHING)) {
            super.completeExceptionally(failure);
        } else {
            lock.unlock();
        }
    }
}
