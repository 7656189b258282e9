package dev.guarded.sync;

import dev.guarded.sync.internal.Delivery;
import dev.guarded.sync.internal.Durations;
import dev.guarded.sync.internal.Park;
import dev.guarded.sync.internal.WaitList;
import dev.guarded.sync.internal.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * returning: also when the wait times out or a blocked thread is interrupted. Waiters are notified
 * in FIFO order, and every notified waiter, async or blocking, is queued on the lock at the moment
 * of the notification, so notified waiters re-acquire the lock in notification order (as in asyncio
 * and a fair {@code ReentrantLock}'s condition). A notification taken by a waiter that is
 * cancelled, or interrupted, at the same moment is passed on to the next waiter (so a wake-up may
 * be spurious: re-check the predicate, or use {@link #waitFor(BooleanSupplier)}).
 *
 * <p><b>Memory.</b> Actions under the lock before a {@code signal} happen-before the notified
 * waiter's return, through the lock: the waiter returns only after re-acquiring it.
 *
 * <p><b>Completing a returned future from outside.</b> The futures of {@link #awaitAsync()},
 * {@link #awaitAsync(Duration)} and {@link #waitForAsync(BooleanSupplier)} satisfy the
 * {@code Future} contract: {@code cancel}, {@code complete}, {@code completeExceptionally},
 * {@code completeAsync} (both overloads, once the supplier has run), {@code orTimeout} and
 * {@code completeOnTimeout} (when they fire) complete the future at once with that outcome and
 * withdraw the wait. Such a future then does <em>not</em> stand for the lock: the caller that
 * completed it is not waiting under the lock, so if the lock had already been re-acquired for the
 * wait it is released again, and a notification the wait had taken is passed on. On a future that
 * already completed they do nothing and return {@code false}. {@code obtrudeValue} and
 * {@code obtrudeException} are refused with {@link UnsupportedOperationException}.
 * {@code minimalCompletionStage()} cannot be completed; its {@code toCompletableFuture()} is an
 * independent copy. The condition's own timeouts are different: they re-acquire the lock first.
 *
 * <p><b>Callbacks.</b> A wait's future completes in the thread that hands the lock to it (the
 * unlocker; or, if the lock was created with an executor, on that executor), or in the thread that
 * completed it from outside.
 *
 * <p><b>Differences.</b> Unlike {@link Condition}, signalling requires the lock to be locked but
 * not owned by the caller; an interrupt or cancellation that races with a notification passes the
 * notification on instead of consuming it. Unlike asyncio, cancelling an async wait does not wait
 * for the lock: the cancelled future completes at once, without the lock.
 */
public final class AsyncCondition {
    private final AsyncLock lock;
    private final ReentrantLock mutex = new ReentrantLock();
    /** Waiters; each is granted the lock request queued for it at notification. */
    private final WaitList waiters = new WaitList();
    private final Waiter.Owner owner = this::withdraw;

    /** Creates a condition with its own new {@link AsyncLock}. */
    public AsyncCondition() {
        this(new AsyncLock());
    }

    /**
     * Creates a condition bound to {@code lock} (several conditions may share one lock). Futures
     * complete where the lock's futures complete (see {@link AsyncLock#AsyncLock(java.util.concurrent.Executor)}).
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

    /**
     * The lock this condition is bound to; hold it to wait or signal.
     *
     * @return the lock
     */
    public AsyncLock lock() {
        return lock;
    }

    /**
     * Releases the lock and waits asynchronously for a notification, then re-acquires the lock.
     * Never blocks.
     *
     * <p>The future completes (normally) once the caller holds the lock again after a
     * notification. Completing it from outside ({@code cancel} included) withdraws the wait and
     * completes it at once, without the lock (see the class description).
     *
     * @return the future; when it completes normally, the caller holds the lock
     * @throws IllegalStateException if the lock is not locked
     */
    public CompletableFuture<Void> awaitAsync() {
        return startAwait("awaitAsync", -1);
    }

    /**
     * As {@link #awaitAsync()}, giving up after {@code timeout}: the future then fails with
     * {@link TimeoutException}, after the lock has been re-acquired (the caller holds it).
     *
     * @param timeout the longest wait for a notification
     * @return the future; when it completes normally or by its timeout, the caller holds the lock
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
        awaitNanos("await", -1, true);
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
        return awaitNanos("await", Durations.toNanos(timeout), true);
    }

    /**
     * As {@link #await()}, but an interrupt does not end the wait; it is restored before returning
     * (as {@link Condition#awaitUninterruptibly()}). Memory: as {@link #await()}.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    public void awaitUninterruptibly() {
        try {
            awaitNanos("awaitUninterruptibly", -1, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /**
     * Waits asynchronously until {@code predicate} is true: evaluates it (under the lock), and if
     * false awaits a notification and re-evaluates: asyncio's {@code wait_for}. Does not wait if it
     * is already true. Completing the result from outside ({@code cancel} included) withdraws the
     * current wait and completes it at once, without the lock (see the class description).
     *
     * <p>Memory: as {@link #awaitAsync()}; every evaluation of the predicate holds the lock.
     *
     * @param predicate evaluated with the lock held
     * @return completes with the predicate's (true) value, holding the lock; or with the
     *     predicate's exception, still holding the lock
     * @throws IllegalStateException if the lock is not locked
     * @throws NullPointerException if {@code predicate} is null
     */
    public CompletableFuture<Boolean> waitForAsync(BooleanSupplier predicate) {
        if (predicate == null) {
            throw new NullPointerException("predicate must not be null");
        }
        requireLocked("waitForAsync");
        return new UntilLoop(this, predicate).start();
    }

    /**
     * Parks until {@code predicate} is true, evaluating it under the lock before each wait:
     * asyncio's {@code wait_for} (named so that it is not confused with
     * {@link Condition#awaitUntil(java.util.Date)}, which takes a deadline).
     *
     * <p>Memory: as {@link #await()}; every evaluation of the predicate holds the lock.
     *
     * @param predicate evaluated with the lock held
     * @return the predicate's value (true)
     * @throws InterruptedException as for {@link #await()} (the lock is held again)
     * @throws IllegalStateException if the lock is not locked
     * @throws NullPointerException if {@code predicate} is null
     */
    public boolean waitFor(BooleanSupplier predicate) throws InterruptedException {
        if (predicate == null) {
            throw new NullPointerException("predicate must not be null");
        }
        requireLocked("waitFor");
        boolean result;
        while (!(result = predicate.getAsBoolean())) {
            await();
        }
        return result;
    }

    /**
     * Parks until {@code predicate} is true or {@code timeout} elapses.
     *
     * <p>Memory: as {@link #await(Duration)}; every evaluation of the predicate holds the lock.
     *
     * @param predicate evaluated with the lock held
     * @param timeout the longest total wait
     * @return the predicate's last value: {@code false} means the time ran out
     * @throws InterruptedException as for {@link #await()} (the lock is held again)
     * @throws IllegalStateException if the lock is not locked
     * @throws NullPointerException if an argument is null
     */
    public boolean waitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        if (predicate == null) {
            throw new NullPointerException("predicate must not be null");
        }
        long nanos = Durations.toNanos(timeout);
        requireLocked("waitFor");
        long deadline = System.nanoTime() + nanos;
        boolean result;
        while (!(result = predicate.getAsBoolean())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            awaitNanos("waitFor", left, true);
        }
        return result;
    }

    /**
     * Wakes the oldest waiter, if any, queueing it on the lock at once. It returns only after
     * re-acquiring the lock, so after the caller unlocks.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} of the oldest waiters, queueing them on the lock in that order.
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
     * Wakes every current waiter, queueing them on the lock in notification order.
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

    /**
     * Whether any waiter awaits a notification, like {@code ReentrantLock.hasWaiters(Condition)}:
     * a snapshot for monitoring, not for synchronization (callers must not rely on it for
     * happens-before).
     *
     * @return {@code true} if at least one waiter is queued
     */
    public boolean hasWaiters() {
        return queueLength() > 0;
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

    /** Notifies up to {@code n} waiters, each with its own lock request queued right now, in order. */
    private void wake(int n) {
        List<Waiter<?>> woken = new ArrayList<>();
        List<CompletableFuture<Void>> relocks = new ArrayList<>();
        mutex.lock();
        try {
            // Under the mutex, so the lock's queue holds the notified waiters in notification order
            // even when two threads notify at once.
            while (woken.size() < n && !waiters.isEmpty()) {
                woken.add(waiters.poll());
                relocks.add(lock.lockAsync());
            }
        } finally {
            mutex.unlock();
        }
        for (int i = 0; i < woken.size(); i++) {
            @SuppressWarnings("unchecked")
            Waiter<CompletableFuture<Void>> w = (Waiter<CompletableFuture<Void>>) woken.get(i);
            CompletableFuture<Void> relock = relocks.get(i);
            Delivery.complete(null, () -> w.grant(relock));
        }
    }

    private Waiter<CompletableFuture<Void>> enqueueAndUnlock() {
        Waiter<CompletableFuture<Void>> w = new Waiter<>(owner, 1);
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
        Waiter<CompletableFuture<Void>> inner = enqueueAndUnlock();
        ReacquiringFuture<Void> outer = new ReacquiringFuture<>(lock);
        outer.onAbort(() -> {
            if (!inner.cancel(false)) {
                // Notified (or timed out) at the same moment: a notification goes to someone else.
                inner.whenComplete((relock, failure) -> {
                    if (failure == null) {
                        passOn();
                    }
                });
            }
        });
        inner.whenComplete((relock, failure) -> {
            if (failure == null) {
                outer.relockThen(relock, null);
            } else if (failure instanceof TimeoutException) {
                outer.relockThen(lock.lockAsync(), failure);
            }
            // else withdrawn by an outside completion of `outer`, which is complete already
        });
        if (nanos == 0) {
            inner.completeExceptionally(new TimeoutException("not notified in time"));
        } else if (nanos > 0) {
            Delivery.timeout(inner, nanos, null, "not notified in time");
        }
        return outer;
    }

    private boolean awaitNanos(String method, long nanos, boolean interruptible) throws InterruptedException {
        requireLocked(method);
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter<CompletableFuture<Void>> inner = enqueueAndUnlock();
        int r;
        if (nanos == 0) {
            r = Park.TIMED_OUT;
        } else if (interruptible) {
            r = Park.await(inner, nanos);
        } else {
            Park.awaitUninterruptibly(inner);
            r = Park.DONE;
        }
        boolean notified = true;
        CompletableFuture<Void> relock;
        if (r != Park.DONE && inner.cancel(false)) {
            notified = false;
            relock = lock.lockAsync();
        } else {
            if (r == Park.INTERRUPTED) {
                passOn(); // the interrupt wins; the notification goes to someone else
            }
            Park.awaitUninterruptibly(inner);
            relock = inner.join(); // queued on the lock when we were notified
        }
        Park.awaitUninterruptibly(relock);
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
