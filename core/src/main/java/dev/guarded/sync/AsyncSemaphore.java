package dev.guarded.sync;

import dev.guarded.sync.internal.Delivery;
import dev.guarded.sync.internal.Durations;
import dev.guarded.sync.internal.OnceGuard;
import dev.guarded.sync.internal.Park;
import dev.guarded.sync.internal.Scoped;
import dev.guarded.sync.internal.WaitList;
import dev.guarded.sync.internal.Waiter;
import dev.guarded.sync.internal.WithdrawingFuture;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A counting semaphore with an async face ({@link #acquireAsync()}) and a blocking face
 * ({@link #acquire()}) sharing one strict FIFO queue: the Java counterpart of
 * {@code asyncio.Semaphore}, made thread-safe, with multi-permit requests.
 *
 * <p><b>Fairness.</b> Strictly FIFO, also for multi-permit requests: a request for {@code n}
 * permits at the head blocks smaller later requests until it is satisfied (no barging, like a fair
 * {@link Semaphore}). A releaser can never re-acquire ahead of waiters (CPython bpo-45997): with
 * waiters queued, {@code release} hands permits straight to them, and {@code tryAcquire} fails.
 * {@code release(n)} wakes every waiter, in order, that the freed permits satisfy.
 *
 * <p><b>Memory.</b> A {@code release} happens-before every acquire that obtains one of the permits
 * it released. Uncontended {@code tryAcquire}/{@code release} are a single CAS.
 *
 * <p><b>Cancellation.</b> Cancelling a pending {@code acquireAsync} future, its timeout, or
 * interrupting a blocked {@code acquire} withdraws the request (and lets waiters behind it proceed
 * if the permits suffice for them). Permits already handed to the request stay with it
 * ({@code cancel} returns {@code false}); a blocked thread interrupted at that moment releases them
 * again and throws {@link InterruptedException}. Permits are never lost.
 *
 * <p><b>Requests above the bound.</b> A request for more permits than the semaphore can ever hold
 * would wait forever and, being FIFO, block every later request: an {@link AsyncBoundedSemaphore}
 * rejects {@code n} above its bound (its initial count) with {@link IllegalArgumentException} in
 * every acquire method. A plain {@code AsyncSemaphore} has no bound below
 * {@link Integer#MAX_VALUE} (releases may raise the count up to it), so any {@code n >= 0} can
 * still be met and none is rejected.
 *
 * <p><b>Callbacks.</b> By default futures complete in the thread that grants them (the releaser,
 * or the JDK's delay thread for timeouts), one after another rather than nested. Created with an
 * {@link Executor} ({@link #AsyncSemaphore(int, Executor)}), futures that complete after being
 * returned complete on that executor, timeouts included.
 *
 * <p><b>Completing a returned future from outside.</b> {@code complete}, {@code
 * completeExceptionally}, {@code cancel}, {@code completeAsync} (both overloads, once the supplier
 * has run), {@code orTimeout} and {@code completeOnTimeout} (when they fire) withdraw a queued
 * request, exactly like {@code cancel}; on a granted future they do nothing and return
 * {@code false}, so the permits stay with the caller. {@code obtrudeValue} and
 * {@code obtrudeException} are refused with {@link UnsupportedOperationException}.
 * {@code toCompletableFuture()} is the future itself; {@code minimalCompletionStage()} cannot be
 * completed and its {@code toCompletableFuture()} is an independent copy. The futures of
 * {@link #guardAsync(int)} (completing one withdraws the request or releases the permits) and
 * {@link #withPermits} follow the same rules.
 *
 * <p><b>Differences.</b> asyncio's {@code Semaphore} has no multi-permit or timed forms and is not
 * thread-safe. Unlike {@link Semaphore} there is no unfair mode, and
 * {@code release} may not push the count above {@link Integer#MAX_VALUE}.
 */
public class AsyncSemaphore {
    /** Bit 0 of {@link #state}: at least one waiter is queued (then state changes only under mutex). */
    private static final long QUEUED = 1L;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(AsyncSemaphore.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code permits << 1 | QUEUED-bit}. */
    private volatile long state;
    private final long maxPermits;
    private final boolean bounded;
    private final ReentrantLock mutex = new ReentrantLock();
    private final WaitList queue = new WaitList();
    private final Waiter.Owner owner = this::withdraw;
    /** Where later completions run; {@code null}: in the granting thread. */
    private final Executor executor;

    /**
     * Creates a semaphore whose futures complete in the thread that grants them.
     *
     * @param permits the initial number of permits, {@code >= 0}
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public AsyncSemaphore(int permits) {
        this(permits, false, null);
    }

    /**
     * Creates a semaphore whose futures, when they complete after being returned (a grant by
     * {@code release}, a timeout), complete on {@code executor}; if it rejects a completion, that
     * completion runs in the granting thread (a grant is never dropped).
     *
     * @param permits the initial number of permits, {@code >= 0}
     * <p>Memory: as without an executor, the release that grants a request happens-before the
     * future's completion, and the executor's own guarantee (submission happens-before execution)
     * carries that to the continuations it runs.
     *
     * @param executor where continuations of later-completing futures run
     * @throws IllegalArgumentException if {@code permits} is negative
     * @throws NullPointerException if {@code executor} is null
     */
    public AsyncSemaphore(int permits, Executor executor) {
        this(permits, false, requireExecutor(executor));
    }

    AsyncSemaphore(int permits, boolean bounded, Executor executor) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + permits);
        }
        this.state = (long) permits << 1;
        this.bounded = bounded;
        this.maxPermits = bounded ? permits : Integer.MAX_VALUE;
        this.executor = executor;
    }

    static Executor requireExecutor(Executor executor) {
        if (executor == null) {
            throw new NullPointerException("executor must not be null (use the constructor without one"
                    + " to complete in the granting thread)");
        }
        return executor;
    }

    /**
     * Acquires one permit asynchronously; see {@link #acquireAsync(int)}.
     *
     * @return a future completing once the permit is held
     */
    public CompletableFuture<Void> acquireAsync() {
        return acquireAsync(1);
    }

    /**
     * Acquires {@code n} permits asynchronously, in FIFO order. Never blocks.
     *
     * @param n the number of permits, {@code >= 0}
     * @return completes once the permits are held (already complete if they were available and
     *     nobody waited); cancelling it while pending withdraws the request
     * @throws IllegalArgumentException if {@code n} is negative, or above the bound of an
     *     {@link AsyncBoundedSemaphore}
     */
    public CompletableFuture<Void> acquireAsync(int n) {
        checkRequest(n);
        if (tryAcquire(n)) {
            return WithdrawingFuture.granted(null);
        }
        Waiter<Void> w = enqueue(n);
        return w == null ? WithdrawingFuture.granted(null) : w;
    }

    /**
     * Acquires one permit asynchronously with a timeout; see {@link #acquireAsync(int, Duration)}.
     *
     * @param timeout the longest wait
     * @return a future completing once the permit is held, or failing with {@link TimeoutException}
     * @throws NullPointerException if {@code timeout} is null
     */
    public CompletableFuture<Void> acquireAsync(Duration timeout) {
        return acquireAsync(1, timeout);
    }

    /**
     * Acquires {@code n} permits asynchronously, giving up after {@code timeout}.
     *
     * @param n the number of permits, {@code >= 0}
     * @param timeout the longest wait; zero or negative means "only if available right now"
     * @return as {@link #acquireAsync(int)}, but completes exceptionally with
     *     {@link TimeoutException} (request withdrawn) if not granted in time
     * @throws IllegalArgumentException if {@code n} is negative, or above the bound of an
     *     {@link AsyncBoundedSemaphore}
     * @throws NullPointerException if {@code timeout} is null
     */
    public CompletableFuture<Void> acquireAsync(int n, Duration timeout) {
        checkRequest(n);
        long nanos = Durations.toNanos(timeout);
        if (tryAcquire(n)) {
            return WithdrawingFuture.granted(null);
        }
        Waiter<Void> w = enqueue(n);
        if (w == null) {
            return WithdrawingFuture.granted(null);
        }
        if (nanos == 0) {
            w.completeExceptionally(new TimeoutException(n + " permit(s) not acquired within " + timeout));
        } else {
            Delivery.timeout(w, nanos, executor, n + " permit(s) not acquired within " + timeout);
        }
        return w;
    }

    /**
     * Acquires one permit, parking until it is granted.
     *
     * @throws InterruptedException if interrupted before or while waiting (request withdrawn)
     */
    public void acquire() throws InterruptedException {
        acquire(1);
    }

    /**
     * Acquires {@code n} permits, parking (virtual threads unmount) until granted in FIFO order.
     *
     * @param n the number of permits, {@code >= 0}
     * @throws InterruptedException if interrupted before or while waiting; the request is
     *     withdrawn, and permits granted at that very moment are released again
     * @throws IllegalArgumentException if {@code n} is negative, or above the bound of an
     *     {@link AsyncBoundedSemaphore}
     */
    public void acquire(int n) throws InterruptedException {
        checkRequest(n);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquire(n)) {
            Waiter<Void> w = enqueue(n);
            if (w != null) {
                awaitGrant(w, -1);
            }
        }
    }

    /**
     * Takes one permit if available now and nobody waits; see {@link #tryAcquire(int)}.
     *
     * @return {@code true} if taken
     */
    public boolean tryAcquire() {
        return tryAcquire(1);
    }

    /**
     * Takes {@code n} permits only if they are available now and nobody is waiting (no barging).
     *
     * @param n the number of permits, {@code >= 0}
     * @return {@code true} if taken
     * @throws IllegalArgumentException if {@code n} is negative, or above the bound of an
     *     {@link AsyncBoundedSemaphore}
     */
    public boolean tryAcquire(int n) {
        checkRequest(n);
        long need = (long) n << 1;
        for (;;) {
            long s = state;
            if ((s & QUEUED) != 0 || s < need) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s - need)) {
                return true;
            }
        }
    }

    /**
     * Acquires one permit, waiting at most {@code timeout}; see {@link #tryAcquire(int, Duration)}.
     *
     * @param timeout the longest wait
     * @return {@code true} if acquired, {@code false} if the time ran out
     * @throws InterruptedException if interrupted before or while waiting (request withdrawn)
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return tryAcquire(1, timeout);
    }

    /**
     * Acquires {@code n} permits, waiting at most {@code timeout} in the FIFO queue.
     *
     * @param n the number of permits, {@code >= 0}
     * @param timeout the longest wait; zero or negative behaves like {@link #tryAcquire(int)}
     * @return {@code true} if acquired; {@code false} if the time ran out (request withdrawn;
     *     a grant racing with the timeout wins)
     * @throws InterruptedException as for {@link #acquire(int)}
     * @throws IllegalArgumentException if {@code n} is negative, or above the bound of an
     *     {@link AsyncBoundedSemaphore}
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean tryAcquire(int n, Duration timeout) throws InterruptedException {
        checkRequest(n);
        long nanos = Durations.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (tryAcquire(n)) {
            return true;
        }
        if (nanos == 0) {
            return false;
        }
        Waiter<Void> w = enqueue(n);
        return w == null || awaitGrant(w, nanos);
    }

    /** Releases one permit; see {@link #release(int)}. */
    public void release() {
        release(1);
    }

    /**
     * Returns {@code n} permits (any thread may release; permits are not owned). With waiters
     * queued, the permits go straight to them in FIFO order, waking every waiter they satisfy.
     * Happens-before the acquires that obtain these permits.
     *
     * @param n the number of permits, {@code >= 0}
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalStateException if the count would exceed {@link Integer#MAX_VALUE} or, for an
     *     {@link AsyncBoundedSemaphore}, its initial count; the count is left unchanged
     */
    public void release(int n) {
        checkCount(n);
        release(n, true);
    }

    /**
     * The number of permits available right now (a snapshot; permits handed to waiters are not
     * counted). Can be positive while a larger request waits at the head of the queue.
     *
     * @return the available permits
     */
    public int availablePermits() {
        return (int) (state >>> 1);
    }

    /**
     * Acquires one permit (as {@link #acquire()}) and returns a guard that releases it once.
     *
     * @return the guard
     * @throws InterruptedException as for {@link #acquire()}
     */
    public Guard guard() throws InterruptedException {
        acquire();
        return new OnceGuard(this::release);
    }

    /**
     * Runs an async action while holding one permit, releasing it when the action's stage
     * completes, normally or not (also if {@code action} throws or returns null).
     *
     * @param action supplies the stage to run with the permit
     * @param <T> the result type
     * @return completes with the stage's outcome after the permit is released
     */
    public <T> CompletableFuture<T> withPermit(Supplier<? extends CompletionStage<T>> action) {
        if (action == null) {
            throw new NullPointerException("action must not be null");
        }
        return Scoped.run(acquireAsync(), this::release, action);
    }

    /**
     * Runs an async action while holding {@code n} permits, acquired in FIFO order as by
     * {@link #acquireAsync(int)}, releasing them when the action's stage completes, normally or not
     * (also if {@code action} throws or returns null). Completing the result from outside while
     * the request is queued withdraws it.
     *
     * <p>Memory: the release that grants the permits happens-before {@code action} runs; the
     * action's stage completing happens-before the release of its permits.
     *
     * @param n the number of permits, {@code >= 0}
     * @param action supplies the stage to run with the permits
     * @param <T> the result type
     * @return completes with the stage's outcome after the permits are released
     * @throws IllegalArgumentException if {@code n} is negative, or above the bound of an
     *     {@link AsyncBoundedSemaphore}
     */
    public <T> CompletableFuture<T> withPermits(int n, Supplier<? extends CompletionStage<T>> action) {
        if (action == null) {
            throw new NullPointerException("action must not be null");
        }
        return Scoped.run(acquireAsync(n), () -> release(n), action);
    }

    /**
     * Acquires {@code n} permits (as {@link #acquire(int)}) and returns a guard that releases them once.
     *
     * <p>Memory: as {@link #acquire(int)}; closing the guard is a {@link #release(int)}.
     *
     * @param n the number of permits, {@code >= 0}
     * @return the guard
     * @throws InterruptedException as for {@link #acquire(int)}
     * @throws IllegalArgumentException if {@code n} is negative, or above the bound of an
     *     {@link AsyncBoundedSemaphore}
     */
    public Guard guard(int n) throws InterruptedException {
        acquire(n);
        return new OnceGuard(() -> release(n));
    }

    /**
     * Acquires one permit asynchronously; see {@link #guardAsync(int)} (same memory effects).
     *
     * @return completes with a guard holding one permit
     */
    public CompletableFuture<Guard> guardAsync() {
        return guardAsync(1);
    }

    /**
     * Acquires {@code n} permits asynchronously (as {@link #acquireAsync(int)}) and completes with
     * a guard that releases them once. Completing the returned future from outside (cancel
     * included) withdraws the request, or, if the permits were granted at that moment, releases
     * them at once, so permits are never lost.
     *
     * <p>Memory: as {@link #acquireAsync(int)}; closing the guard is a {@link #release(int)}.
     *
     * @param n the number of permits, {@code >= 0}
     * @return completes with the guard once the permits are held
     * @throws IllegalArgumentException if {@code n} is negative, or above the bound of an
     *     {@link AsyncBoundedSemaphore}
     */
    public CompletableFuture<Guard> guardAsync(int n) {
        return Scoped.guard(acquireAsync(n), () -> release(n));
    }

    /**
     * Whether an acquire would have to wait: no permit is available or someone is queued (asyncio's
     * {@code Semaphore.locked()}). A snapshot, read without locking.
     *
     * <p>Memory: a volatile read of the semaphore's state; no happens-before edge beyond that.
     *
     * @return {@code true} if {@link #tryAcquire()} would fail right now
     */
    public boolean locked() {
        long s = state;
        return (s & QUEUED) != 0 || (s >>> 1) == 0;
    }

    /**
     * Whether any request is queued, like {@code Semaphore.hasQueuedThreads()}: a snapshot for
     * monitoring, not for synchronization, read without locking; callers must not rely on it for
     * happens-before.
     *
     * @return {@code true} if at least one waiter is queued
     */
    public boolean hasWaiters() {
        return (state & QUEUED) != 0;
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
            return queue.size();
        } finally {
            mutex.unlock();
        }
    }

    /** @return e.g. {@code AsyncSemaphore[permits:0, waiters:3]} */
    @Override
    public String toString() {
        mutex.lock();
        try {
            return getClass().getSimpleName() + "[permits:" + availablePermits() + ", waiters:" + queue.size() + "]";
        } finally {
            mutex.unlock();
        }
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permit count must be >= 0, was " + n);
        }
    }

    /** An acquire of more permits than a bounded semaphore can ever hold could never be met. */
    private void checkRequest(int n) {
        checkCount(n);
        if (n > maxPermits) {
            throw new IllegalArgumentException("cannot acquire " + n + " permits from an AsyncBoundedSemaphore"
                    + " bounded at " + maxPermits + ": the request could never be met");
        }
    }

    private void checkBound(long available, int n, boolean user) {
        if (user && available + n > maxPermits) {
            if (bounded) {
                throw new IllegalStateException("AsyncBoundedSemaphore released too many times: "
                        + available + " available + " + n + " released > " + maxPermits + " initial permits");
            }
            throw new IllegalStateException("permit count would exceed Integer.MAX_VALUE: "
                    + available + " + " + n);
        }
    }

    /** @param user {@code false} when giving back a grant nobody could take (no bound check) */
    private void release(int n, boolean user) {
        for (;;) {
            long s = state;
            if ((s & QUEUED) != 0) {
                if (releaseToWaiters(n, user)) {
                    return;
                }
                continue;
            }
            checkBound(s >>> 1, n, user);
            if (STATE.compareAndSet(this, s, s + ((long) n << 1))) {
                return;
            }
        }
    }

    private boolean releaseToWaiters(int n, boolean user) {
        List<Waiter<?>> granted;
        mutex.lock();
        try {
            long s = state;
            if ((s & QUEUED) == 0) {
                return false; // the queue emptied meanwhile: back to the CAS path
            }
            checkBound(s >>> 1, n, user);
            granted = dispatch((s >>> 1) + n);
        } finally {
            mutex.unlock();
        }
        grantAll(granted);
        return true;
    }

    /** Under mutex: hands {@code available} permits to the head waiters and publishes the rest. */
    private List<Waiter<?>> dispatch(long available) {
        List<Waiter<?>> granted = new ArrayList<>();
        for (Waiter<?> w = queue.peek(); w != null && w.units() <= available; w = queue.peek()) {
            queue.poll();
            available -= w.units();
            granted.add(w);
        }
        state = available << 1 | (queue.isEmpty() ? 0 : QUEUED);
        return granted;
    }

    private void grantAll(List<Waiter<?>> granted) {
        for (Waiter<?> w : granted) {
            Delivery.complete(executor, () -> w.grant(null));
        }
    }

    /** @return {@code null} if the permits were taken on the spot, else the queued waiter */
    private Waiter<Void> enqueue(int n) {
        long need = (long) n << 1;
        mutex.lock();
        try {
            for (;;) {
                long s = state;
                if ((s & QUEUED) != 0) {
                    break;
                }
                if (s >= need) { // nobody queued and the permits were released meanwhile
                    if (STATE.compareAndSet(this, s, s - need)) {
                        return null;
                    }
                } else if (STATE.compareAndSet(this, s, s | QUEUED)) {
                    break;
                }
            }
            Waiter<Void> w = new Waiter<>(owner, n);
            queue.add(w);
            return w;
        } finally {
            mutex.unlock();
        }
    }

    private boolean withdraw(Waiter<?> w) {
        List<Waiter<?>> granted;
        mutex.lock();
        try {
            boolean wasHead = queue.peek() == w;
            if (!queue.remove(w)) {
                return false;
            }
            // Removing the head may let the waiters behind it proceed with the permits on hand.
            granted = wasHead || queue.isEmpty() ? dispatch(state >>> 1) : List.of();
        } finally {
            mutex.unlock();
        }
        grantAll(granted);
        return true;
    }

    private boolean awaitGrant(Waiter<Void> w, long nanos) throws InterruptedException {
        int r = Park.await(w, nanos);
        if (r == Park.DONE) {
            return true;
        }
        if (w.cancel(false)) {
            if (r == Park.INTERRUPTED) {
                throw new InterruptedException();
            }
            return false;
        }
        Park.awaitUninterruptibly(w); // permits were granted while we gave up
        if (r == Park.INTERRUPTED) {
            Thread.interrupted();
            release(w.units(), false);
            throw new InterruptedException();
        }
        return true;
    }
}
