package dev.guarded.sync;

import dev.guarded.sync.internal.Durations;
import dev.guarded.sync.internal.Park;
import dev.guarded.sync.internal.Trampoline;
import dev.guarded.sync.internal.WaitList;
import dev.guarded.sync.internal.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A condition variable bound to an {@link AsyncLock}: the Java counterpart of
 * {@code asyncio.Condition}, thread-safe, with async, blocking and timed waits.
 *
 * <p><b>Semantics.</b> A wait requires the lock to be held (the lock is not owner-bound, so this
 * means "locked", by the caller's logic), releases it while waiting and re-acquires it before
 * returning: also when the wait is cancelled, times out or is interrupted. Waiters are notified in
 * FIFO order. A notification taken by a waiter that is cancelled, or interrupted, at the same
 * moment is passed on to the next waiter (so a wake-up may be spurious: re-check the predicate, or
 * use {@link #awaitUntil(BooleanSupplier)}).
 *
 * <p><b>Memory.</b> Actions under the lock before a {@code signal} happen-before the notified
 * waiter's return, through the lock: the waiter returns only after re-acquiring it.
 *
 * <p><b>Differences.</b> Unlike {@link Condition}, signalling requires the lock to be locked but
 * not owned by the caller; an interrupt or cancellation that races with a notification passes the
 * notification on instead of consuming it. Unlike asyncio, a cancelled async wait's future
 * completes only after the lock is re-acquired (see {@link #awaitAsync()}).
 */
public final class AsyncCondition {
    private final AsyncLock lock;
    private final ReentrantLock mutex = new ReentrantLock();
    private final WaitList waiters = new WaitList();
    private final Waiter.Owner owner = this::withdraw;

    /** Creates a condition with its own new {@link AsyncLock}. */
    public AsyncCondition() {
        this(new AsyncLock());
    }

    /**
     * Creates a condition bound to {@code lock} (several conditions may share one lock).
     *
     * @param lock the lock
     * @throws NullPointerException if {@code lock} is null
     */
    public AsyncCondition(AsyncLock lock) {
        if (lock == null) {
            throw new NullPointerException("lock must not be null");
        }
        this.lock = lock;
    }

    /** @return the lock this condition is bound to */
    public AsyncLock lock() {
        return lock;
    }

    /**
     * Releases the lock and waits asynchronously for a notification, then re-acquires the lock.
     * Never blocks.
     *
     * <p>The future completes (normally) once the caller holds the lock again after a
     * notification. {@code cancel} (or an outside {@code complete}/{@code completeExceptionally})
     * withdraws the wait and returns {@code true}, but the future completes (cancelled) only after
     * the lock has been re-acquired, so it may still be pending right after {@code cancel}.
     *
     * @return the future; when it completes, in any way, the caller holds the lock
     * @throws IllegalStateException if the lock is not locked
     */
    public CompletableFuture<Void> awaitAsync() {
        return startAwait("awaitAsync", -1);
    }

    /**
     * As {@link #awaitAsync()}, giving up after {@code timeout}: the future then fails with
     * {@link TimeoutException}, after the lock has been re-acquired.
     *
     * @param timeout the longest wait for a notification
     * @return the future; when it completes, in any way, the caller holds the lock
     * @throws IllegalStateException if the lock is not locked
     * @throws NullPointerException if {@code timeout} is null
     */
    public CompletableFuture<Void> awaitAsync(Duration timeout) {
        return startAwait("awaitAsync", Durations.toNanos(timeout));
    }

    /**
     * Releases the lock, parks until notified, and re-acquires the lock before returning.
     *
     * @throws InterruptedException if interrupted while waiting; the lock is re-acquired first, and
     *     a notification received at the same moment is passed on
     * @throws IllegalStateException if the lock is not locked
     */
    public void await() throws InterruptedException {
        awaitNanos("await", -1);
    }

    /**
     * Releases the lock, parks until notified or {@code timeout} elapses, and re-acquires the lock.
     *
     * @param timeout the longest wait for a notification
     * @return {@code true} if notified, {@code false} if the time ran out (a notification racing
     *     with the timeout counts as received)
     * @throws InterruptedException as for {@link #await()}
     * @throws IllegalStateException if the lock is not locked
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos("await", Durations.toNanos(timeout));
    }

    /**
     * Waits asynchronously until {@code predicate} is true: evaluates it (under the lock), and if
     * false awaits a notification and re-evaluates, like asyncio's {@code wait_for}. Does not wait
     * if it is already true. Cancelling the result withdraws the current wait; the result then
     * completes once the lock is held again.
     *
     * @param predicate evaluated with the lock held
     * @return completes with the predicate's (true) value, holding the lock; or with the
     *     predicate's exception, still holding the lock
     * @throws IllegalStateException if the lock is not locked
     */
    public CompletableFuture<Boolean> awaitUntilAsync(BooleanSupplier predicate) {
        if (predicate == null) {
            throw new NullPointerException("predicate must not be null");
        }
        requireLocked("awaitUntilAsync");
        return new UntilLoop(this, predicate).start();
    }

    /**
     * Parks until {@code predicate} is true, evaluating it under the lock before each wait.
     *
     * @param predicate evaluated with the lock held
     * @return the predicate's value (true)
     * @throws InterruptedException as for {@link #await()} (the lock is held again)
     * @throws IllegalStateException if the lock is not locked
     */
    public boolean awaitUntil(BooleanSupplier predicate) throws InterruptedException {
        if (predicate == null) {
            throw new NullPointerException("predicate must not be null");
        }
        requireLocked("awaitUntil");
        boolean result;
        while (!(result = predicate.getAsBoolean())) {
            await();
        }
        return result;
    }

    /**
     * Parks until {@code predicate} is true or {@code timeout} elapses.
     *
     * @param predicate evaluated with the lock held
     * @param timeout the longest total wait
     * @return the predicate's last value: {@code false} means the time ran out
     * @throws InterruptedException as for {@link #await()} (the lock is held again)
     * @throws IllegalStateException if the lock is not locked
     * @throws NullPointerException if an argument is null
     */
    public boolean awaitUntil(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        if (predicate == null) {
            throw new NullPointerException("predicate must not be null");
        }
        long nanos = Durations.toNanos(timeout);
        requireLocked("awaitUntil");
        long deadline = System.nanoTime() + nanos;
        boolean result;
        while (!(result = predicate.getAsBoolean())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            awaitNanos("awaitUntil", left);
        }
        return result;
    }

    /**
     * Wakes the oldest waiter, if any. It returns only after re-acquiring the lock, so after the
     * caller unlocks.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} of the oldest waiters.
     *
     * @param n how many, {@code >= 0}
     * @throws IllegalStateException if the lock is not locked
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("signal count must be >= 0, was " + n);
        }
        requireLocked("signal");
        wake(n);
    }

    /**
     * Wakes every current waiter.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    public void signalAll() {
        requireLocked("signalAll");
        wake(Integer.MAX_VALUE);
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

    /** @return e.g. {@code AsyncCondition[locked, waiters:2]} */
    @Override
    public String toString() {
        mutex.lock();
        try {
            return "AsyncCondition[" + (lock.isLocked() ? "locked" : "unlocked") + ", waiters:" + waiters.size() + "]";
        } finally {
            mutex.unlock();
        }
    }

    private void requireLocked(String method) {
        if (!lock.isLocked()) {
            throw new IllegalStateException("AsyncCondition." + method + "() requires the lock to be held");
        }
    }

    /** Passes a notification that its receiver could not use on to the next waiter. */
    void passOn() {
        wake(1);
    }

    private void wake(int n) {
        List<Waiter<?>> woken = new ArrayList<>();
        mutex.lock();
        try {
            while (woken.size() < n && !waiters.isEmpty()) {
                woken.add(waiters.poll());
            }
        } finally {
            mutex.unlock();
        }
        for (Waiter<?> w : woken) {
            Trampoline.run(() -> w.grant(null));
        }
    }

    private Waiter<Void> enqueueAndUnlock() {
        Waiter<Void> w = new Waiter<>(owner, 1);
        mutex.lock();
        try {
            waiters.add(w);
        } finally {
            mutex.unlock();
        }
        lock.unlock(); // after queueing, so a signal made by the next holder cannot miss us
        return w;
    }

    CompletableFuture<Void> startAwait(String method, long nanos) {
        requireLocked(method);
        Waiter<Void> inner = enqueueAndUnlock();
        ReacquiringFuture<Void> outer = new ReacquiringFuture<>();
        outer.onAbort(() -> {
            if (!inner.cancel(false)) {
                passOn(); // notified at the same moment: hand the notification to someone else
            }
        });
        inner.whenComplete((v, e) -> lock.lockAsync().whenComplete((x, y) -> outer.finish(null)));
        if (nanos == 0) {
            outer.completeExceptionally(new TimeoutException("not notified in time"));
        } else if (nanos > 0) {
            outer.orTimeout(nanos, TimeUnit.NANOSECONDS);
        }
        return outer;
    }

    private boolean awaitNanos(String method, long nanos) throws InterruptedException {
        requireLocked(method);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter<Void> inner = enqueueAndUnlock();
        int r = nanos == 0 ? Park.TIMED_OUT : Park.await(inner, nanos);
        boolean notified = true;
        if (r != Park.DONE) {
            if (inner.cancel(false)) {
                notified = false;
            } else if (r == Park.INTERRUPTED) {
                passOn();
            }
        }
        Park.awaitUninterruptibly(lock.lockAsync());
        if (r == Park.INTERRUPTED) {
            Thread.interrupted();
            throw new InterruptedException();
        }
        return notified;
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
