package dev.guarded.sync;

import dev.guarded.sync.internal.Durations;
import dev.guarded.sync.internal.OnceGuard;
import dev.guarded.sync.internal.Park;
import dev.guarded.sync.internal.Scoped;
import dev.guarded.sync.internal.Trampoline;
import dev.guarded.sync.internal.WaitList;
import dev.guarded.sync.internal.Waiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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

    /**
     * Creates a semaphore.
     *
     * @param permits the initial number of permits, {@code >= 0}
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public AsyncSemaphore(int permits) {
        this(permits, false);
    }

    AsyncSemaphore(int permits, boolean bounded) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, was " + permits);
        }
        this.state = (long) permits << 1;
        this.bounded = bounded;
        this.maxPermits = bounded ? permits : Integer.MAX_VALUE;
    }

    /** @return a future completing once one permit is held; see {@link #acquireAsync(int)} */
    public CompletableFuture<Void> acquireAsync() {
        return acquireAsync(1);
    }

    /**
     * Acquires {@code n} permits asynchronously, in FIFO order. Never blocks.
     *
     * @param n the number of permits, {@code >= 0}
     * @return completes once the permits are held (already complete if they were available and
     *     nobody waited); cancelling it while pending withdraws the request
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public CompletableFuture<Void> acquireAsync(int n) {
        checkCount(n);
        if (tryAcquire(n)) {
            return CompletableFuture.completedFuture(null);
        }
        Waiter<Void> w = enqueue(n);
        return w == null ? CompletableFuture.completedFuture(null) : w;
    }

    /**
     * @param timeout the longest wait
     * @return see {@link #acquireAsync(int, Duration)} with one permit
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
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code timeout} is null
     */
    public CompletableFuture<Void> acquireAsync(int n, Duration timeout) {
        checkCount(n);
        long nanos = Durations.toNanos(timeout);
        if (tryAcquire(n)) {
            return CompletableFuture.completedFuture(null);
        }
        Waiter<Void> w = enqueue(n);
        if (w == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (nanos == 0) {
            w.completeExceptionally(new TimeoutException(n + " permit(s) not acquired within " + timeout));
        } else {
            w.orTimeout(nanos, TimeUnit.NANOSECONDS);
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
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void acquire(int n) throws InterruptedException {
        checkCount(n);
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

    /** @return {@code true} if one permit was taken; see {@link #tryAcquire(int)} */
    public boolean tryAcquire() {
        return tryAcquire(1);
    }

    /**
     * Takes {@code n} permits only if they are available now and nobody is waiting (no barging).
     *
     * @param n the number of permits, {@code >= 0}
     * @return {@code true} if taken
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public boolean tryAcquire(int n) {
        checkCount(n);
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
     * @param timeout the longest wait
     * @return see {@link #tryAcquire(int, Duration)} with one permit
     * @throws InterruptedException if interrupted
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
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean tryAcquire(int n, Duration timeout) throws InterruptedException {
        checkCount(n);
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

    private static void grantAll(List<Waiter<?>> granted) {
        for (Waiter<?> w : granted) {
            Trampoline.run(() -> w.grant(null));
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
