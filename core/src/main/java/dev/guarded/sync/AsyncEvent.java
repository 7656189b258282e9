package dev.guarded.sync;

import dev.guarded.sync.internal.Delivery;
import dev.guarded.sync.internal.Durations;
import dev.guarded.sync.internal.Park;
import dev.guarded.sync.internal.WaitList;
import dev.guarded.sync.internal.Waiter;
import dev.guarded.sync.internal.WithdrawingFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A flag that tasks and threads can wait for: the Java counterpart of {@code asyncio.Event},
 * thread-safe, with async, blocking and timed waits.
 *
 * <p><b>Semantics.</b> {@link #set()} releases every waiter present at that moment, even if
 * {@link #clear()} follows immediately; later waits pass at once while the flag is set. Unlike a
 * {@link CountDownLatch} it can be cleared and reused.
 *
 * <p><b>Memory.</b> A {@code set} happens-before the return (or future completion) of every wait
 * it releases and of every wait that observes the flag set.
 *
 * <p><b>Callbacks.</b> By default released futures complete in the thread that calls {@code set}
 * (timeouts on the JDK's delay thread). Created with an {@link Executor}
 * ({@link #AsyncEvent(Executor)}), futures that complete after being returned complete there.
 *
 * <p><b>Completing a returned future from outside.</b> {@code complete}, {@code
 * completeExceptionally}, {@code cancel}, {@code completeAsync} (both overloads, once the supplier
 * has run), {@code orTimeout} and {@code completeOnTimeout} (when they fire) withdraw a pending
 * wait, exactly like {@code cancel}; on a released future they return {@code false}.
 * {@code obtrudeValue} and {@code obtrudeException} are refused with
 * {@link UnsupportedOperationException}. {@code minimalCompletionStage()} cannot be completed; its
 * {@code toCompletableFuture()} is an independent copy.
 */
public final class AsyncEvent {
    private volatile boolean flag;
    private final ReentrantLock mutex = new ReentrantLock();
    private final WaitList waiters = new WaitList();
    private final Waiter.Owner owner = this::withdraw;
    /** Where later completions run; {@code null}: in the setting thread. */
    private final Executor executor;

    /** Creates an event that is not set, whose waits complete in the thread that sets it. */
    public AsyncEvent() {
        this.executor = null;
    }

    /**
     * Creates an event that is not set, whose futures, when they complete after being returned
     * ({@code set}, a timeout), complete on {@code executor}; if it rejects a completion, that
     * completion runs in the setting thread.
     *
     * <p>Memory: as without an executor, the {@code set} that releases a wait happens-before the
     * future's completion, and the executor's own guarantee (submission happens-before execution)
     * carries that to the continuations it runs.
     *
     * @param executor where continuations of later-completing futures run
     * @throws NullPointerException if {@code executor} is null
     */
    public AsyncEvent(Executor executor) {
        if (executor == null) {
            throw new NullPointerException("executor must not be null (use AsyncEvent() to complete in the setting thread)");
        }
        this.executor = executor;
    }

    /**
     * Sets the flag and releases every current waiter (their futures complete in this thread,
     * after internal locks are dropped). Does nothing if already set.
     */
    public void set() {
        if (flag) {
            return;
        }
        List<Waiter<?>> released;
        mutex.lock();
        try {
            if (flag) {
                return;
            }
            flag = true;
            released = waiters.removeAll();
        } finally {
            mutex.unlock();
        }
        for (Waiter<?> w : released) {
            Delivery.complete(executor, () -> w.grant(null));
        }
    }

    /** Clears the flag; later waits block until the next {@link #set()}. Waiters already released stay released. */
    public void clear() {
        flag = false;
    }

    /**
     * Whether the flag is set: a volatile read, so a {@code true} result happens-after the {@code set}.
     *
     * @return whether the flag is set (a snapshot)
     */
    public boolean isSet() {
        return flag;
    }

    /**
     * Waits asynchronously for the flag. Never blocks.
     *
     * @return completes when the flag is set (already complete if it is); cancelling it while
     *     pending withdraws the wait
     */
    public CompletableFuture<Void> awaitAsync() {
        Waiter<Void> w = enqueue();
        return w == null ? WithdrawingFuture.granted(null) : w;
    }

    /**
     * Waits asynchronously for the flag, at most {@code timeout}.
     *
     * @param timeout the longest wait; zero or negative means "only if already set"
     * @return as {@link #awaitAsync()}, but fails with {@link TimeoutException} when time runs out
     * @throws NullPointerException if {@code timeout} is null
     */
    public CompletableFuture<Void> awaitAsync(Duration timeout) {
        long nanos = Durations.toNanos(timeout);
        Waiter<Void> w = enqueue();
        if (w == null) {
            return WithdrawingFuture.granted(null);
        }
        if (nanos == 0) {
            w.completeExceptionally(new TimeoutException("event not set within " + timeout));
        } else {
            Delivery.timeout(w, nanos, executor, "event not set within " + timeout);
        }
        return w;
    }

    /**
     * Parks until the flag is set.
     *
     * @throws InterruptedException if interrupted before or while waiting (the wait is withdrawn);
     *     if the event was set at the same moment, returns normally with the interrupt pending
     */
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter<Void> w = enqueue();
        if (w != null && Park.await(w, -1) == Park.INTERRUPTED) {
            if (w.cancel(false)) {
                throw new InterruptedException();
            }
            Thread.currentThread().interrupt(); // released at the same moment: keep the interrupt pending
        }
    }

    /**
     * Parks until the flag is set or {@code timeout} elapses.
     *
     * @param timeout the longest wait
     * @return {@code true} if released by the flag, {@code false} on timeout
     * @throws InterruptedException if interrupted before or while waiting (the wait is withdrawn)
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean await(Duration timeout) throws InterruptedException {
        long nanos = Durations.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter<Void> w = enqueue();
        if (w == null) {
            return true;
        }
        int r = nanos == 0 ? Park.TIMED_OUT : Park.await(w, nanos);
        if (r == Park.DONE) {
            return true;
        }
        if (!w.cancel(false)) { // released at the same moment as the timeout or interrupt
            if (r == Park.INTERRUPTED) {
                Thread.currentThread().interrupt();
            }
            return true;
        }
        if (r == Park.INTERRUPTED) {
            throw new InterruptedException();
        }
        return false;
    }

    /**
     * The number of queued waiters: a snapshot for monitoring and tests, not for synchronization
     * (as {@code getQueueLength()} in java.util.concurrent).
     *
     * @return how many waiters are queued right now
     */
    public int queueLength() {
        mutex.lock();
        try {
            return waiters.size();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Whether any wait is pending: a snapshot for monitoring, not for synchronization (callers must
     * not rely on it for happens-before).
     *
     * @return {@code true} if at least one waiter is queued
     */
    public boolean hasWaiters() {
        return queueLength() > 0;
    }

    /** @return e.g. {@code AsyncEvent[unset, waiters:2]} */
    @Override
    public String toString() {
        mutex.lock();
        try {
            return "AsyncEvent[" + (flag ? "set" : "unset") + ", waiters:" + waiters.size() + "]";
        } finally {
            mutex.unlock();
        }
    }

    private Waiter<Void> enqueue() {
        if (flag) {
            return null;
        }
        mutex.lock();
        try {
            if (flag) {
                return null;
            }
            Waiter<Void> w = new Waiter<>(owner, 1);
            waiters.add(w);
            return w;
        } finally {
            mutex.unlock();
        }
    }

    private boolean withdraw(Waiter<?> w) {
        mutex.lock();
        try {
            return waiters.remove(w);
        } finally {
            mutex.unlock();
        }
    }
}
