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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A mutual-exclusion lock with an async face ({@link #lockAsync()}) and a blocking face
 * ({@link #lock()}), both queueing in one strict FIFO order: the Java counterpart of
 * {@code asyncio.Lock}, made thread-safe.
 *
 * <p><b>Semantics.</b> Not reentrant: a holder that locks again waits for itself. Not owner-bound:
 * any thread or callback may {@link #unlock()} (as in asyncio; unlike {@link ReentrantLock}, so an
 * async continuation on another thread can release). Strictly FIFO: while anyone waits, a newcomer,
 * including {@link #tryLock()}, never gets the lock ahead of them; {@code unlock} hands the lock
 * directly to the oldest live waiter.
 *
 * <p><b>Memory.</b> An {@code unlock} happens-before the acquire it enables (the next successful
 * {@code tryLock}, the completion of the next {@code lockAsync} future, the return of the next
 * {@code lock}). Uncontended lock and unlock are a single CAS.
 *
 * <p><b>Cancellation.</b> Cancelling a pending {@code lockAsync} future, its timeout, or
 * interrupting a blocked {@code lock} withdraws the waiter. If the lock had already been handed to
 * that waiter, {@code cancel} returns {@code false} and the waiter owns the lock; a blocked thread
 * interrupted at that moment passes the lock on and throws {@link InterruptedException}.
 *
 * <p><b>Callbacks.</b> By default futures complete in the thread that made the grant (the
 * unlocker, or the JDK's delay thread for timeouts), never under an internal lock, one after
 * another rather than nested, so chains of any length use constant stack. Do not block inside such
 * callbacks, or create the lock with an {@link Executor} ({@link #AsyncLock(Executor)}): futures
 * that complete later then complete on that executor, timeouts included. A future that is already
 * complete when returned (the lock was free) runs dependents in the thread that attaches them, as
 * every {@code CompletableFuture} does.
 *
 * <p><b>Completing a returned future from outside.</b> {@code complete}, {@code
 * completeExceptionally}, {@code cancel}, {@code completeAsync} (both overloads, once the supplier
 * has run), {@code orTimeout} and {@code completeOnTimeout} (when they fire) withdraw a queued
 * request, exactly like {@code cancel}; on a granted future they do nothing and return
 * {@code false}, so the grant stands and must be released. {@code obtrudeValue} and
 * {@code obtrudeException} are refused with {@link UnsupportedOperationException}.
 * {@code toCompletableFuture()} is the future itself; {@code minimalCompletionStage()} cannot be
 * completed and its {@code toCompletableFuture()} is an independent copy. The same holds for the
 * futures of {@link #guardAsync()} (completing one withdraws the request or releases the grant)
 * and {@link #withLock}.
 */
public final class AsyncLock {
    private static final int FREE = 0;
    private static final int HELD = 1;
    /** Held and at least one waiter queued; only changed under {@link #mutex}. */
    private static final int QUEUED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(AsyncLock.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    private final ReentrantLock mutex = new ReentrantLock();
    private final WaitList queue = new WaitList();
    private final Waiter.Owner owner = this::withdraw;
    /** Where later completions run; {@code null}: in the granting thread. */
    private final Executor executor;

    /** Creates an unlocked lock whose futures complete in the thread that grants them. */
    public AsyncLock() {
        this.executor = null;
    }

    /**
     * Creates an unlocked lock whose futures, when they complete after being returned (a hand-over
     * by {@code unlock}, a timeout), complete on {@code executor}, so their continuations run there
     * instead of inside the releaser's {@code unlock()} or on the JDK's delay thread. If the
     * executor rejects a completion, it runs in the granting thread (a grant is never dropped).
     *
     * <p>Memory: as without an executor, the {@code unlock} that hands the lock over happens-before the
     * future's completion, and the executor's own guarantee (submission happens-before execution)
     * carries that to the continuations it runs.
     *
     * @param executor where continuations of later-completing futures run
     * @throws NullPointerException if {@code executor} is null
     */
    public AsyncLock(Executor executor) {
        if (executor == null) {
            throw new NullPointerException("executor must not be null (use AsyncLock() to complete in the granting thread)");
        }
        this.executor = executor;
    }

    /** @return the executor given at construction, or {@code null} */
    Executor executor() {
        return executor;
    }

    /**
     * Acquires the lock asynchronously. Never blocks.
     *
     * @return a future that completes (with {@code null}) once the caller holds the lock; it is
     *     already complete if the lock was free and nobody waited. Cancelling it while pending
     *     withdraws the request.
     */
    public CompletableFuture<Void> lockAsync() {
        if (tryLock()) {
            return WithdrawingFuture.granted(null);
        }
        Waiter<Void> w = enqueue();
        return w == null ? WithdrawingFuture.granted(null) : w;
    }

    /**
     * Acquires the lock asynchronously, giving up after {@code timeout}.
     *
     * @param timeout the longest wait; zero or negative means "only if free with nobody waiting"
     * @return as {@link #lockAsync()}, but completes exceptionally with {@link TimeoutException}
     *     (and the request is withdrawn) if the lock was not handed over in time; the timeout
     *     fires on the JDK's {@code CompletableFuture} delay thread
     * @throws NullPointerException if {@code timeout} is null
     */
    public CompletableFuture<Void> lockAsync(Duration timeout) {
        long nanos = Durations.toNanos(timeout);
        if (tryLock()) {
            return WithdrawingFuture.granted(null);
        }
        Waiter<Void> w = enqueue();
        if (w == null) {
            return WithdrawingFuture.granted(null);
        }
        if (nanos == 0) {
            w.completeExceptionally(new TimeoutException("AsyncLock not acquired within " + timeout));
        } else {
            Delivery.timeout(w, nanos, executor, "AsyncLock not acquired within " + timeout);
        }
        return w;
    }

    /**
     * Acquires the lock, parking the caller (virtual threads unmount) until it is handed over.
     *
     * @throws InterruptedException if interrupted before or while waiting; the request is
     *     withdrawn (a lock handed over at that very moment is passed on to the next waiter)
     */
    public void lock() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (tryLock()) {
            return;
        }
        Waiter<Void> w = enqueue();
        if (w != null) {
            awaitGrant(w, -1);
        }
    }

    /**
     * Acquires the lock only if it is free and nobody is waiting (no barging). Never blocks.
     *
     * @return {@code true} if the caller now holds the lock
     */
    public boolean tryLock() {
        return STATE.compareAndSet(this, FREE, HELD);
    }

    /**
     * Acquires the lock, waiting at most {@code timeout} in the FIFO queue.
     *
     * @param timeout the longest wait; zero or negative behaves like {@link #tryLock()}
     * @return {@code true} if acquired, {@code false} if the time ran out (request withdrawn; if
     *     the grant raced with the timeout the grant wins and this returns {@code true})
     * @throws InterruptedException as for {@link #lock()}
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean tryLock(Duration timeout) throws InterruptedException {
        long nanos = Durations.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (tryLock()) {
            return true;
        }
        if (nanos == 0) {
            return false;
        }
        Waiter<Void> w = enqueue();
        return w == null || awaitGrant(w, nanos);
    }

    /**
     * Releases the lock, handing it to the oldest live waiter if there is one. Any thread may
     * call it (not owner-bound). Happens-before the acquire it enables.
     *
     * @throws IllegalStateException if the lock is not locked (state is left unchanged)
     */
    public void unlock() {
        for (;;) {
            int s = state;
            if (s == FREE) {
                throw new IllegalStateException("AsyncLock.unlock(): the lock is not locked");
            }
            if (s == HELD) {
                if (STATE.compareAndSet(this, HELD, FREE)) {
                    return;
                }
            } else if (handOff()) {
                return;
            }
        }
    }

    /**
     * Reports whether the lock is held. A snapshot, for monitoring and assertions.
     *
     * @return {@code true} if some party holds the lock
     */
    public boolean isLocked() {
        return state != FREE;
    }

    /**
     * Acquires the lock (as {@link #lock()}) and returns a guard that releases it once.
     *
     * @return the guard; {@code close()} unlocks
     * @throws InterruptedException as for {@link #lock()}
     */
    public Guard guard() throws InterruptedException {
        lock();
        return new OnceGuard(this::unlock);
    }

    /**
     * Runs an async action while holding the lock: acquires (FIFO), calls {@code action}, and
     * releases when the returned stage completes, normally or exceptionally (also if {@code action}
     * throws or returns null). Cancelling the result while still queued withdraws the request.
     *
     * @param action supplies the stage to run under the lock
     * @param <T> the result type
     * @return completes with the stage's outcome after the lock is released
     */
    public <T> CompletableFuture<T> withLock(Supplier<? extends CompletionStage<T>> action) {
        if (action == null) {
            throw new NullPointerException("action must not be null");
        }
        return Scoped.run(lockAsync(), this::unlock, action);
    }

    /**
     * Acquires the lock asynchronously (as {@link #lockAsync()}) and completes with a guard that
     * releases it once: {@code lock.guardAsync().thenCompose(g -> work().whenComplete((r, e) -> g.close()))}.
     * Completing the returned future from outside (cancel included) withdraws the request, or, if
     * the lock was handed over at that moment, unlocks at once, so a guard is never lost.
     *
     * <p>Memory: as {@link #lockAsync()}: the {@code unlock} that hands the lock over
     * happens-before the future's completion; closing the guard is an {@link #unlock()}.
     *
     * @return completes with the guard once the caller holds the lock
     */
    public CompletableFuture<Guard> guardAsync() {
        return Scoped.guard(lockAsync(), this::unlock);
    }

    /**
     * Whether any request is queued for the lock, like {@code ReentrantLock.hasQueuedThreads()}:
     * a snapshot for monitoring, not for synchronization. A volatile read without locking; callers
     * must not rely on it for happens-before.
     *
     * @return {@code true} if at least one waiter is queued
     */
    public boolean hasWaiters() {
        return state == QUEUED;
    }

    /**
     * A {@link Lock} view of this lock, for code written against {@code java.util.concurrent.locks}.
     * The view shares this lock's state and FIFO queue. {@code lock()} waits uninterruptibly (as
     * {@code Lock.lock()} specifies), {@code lockInterruptibly()} is {@link #lock()}, both
     * {@code tryLock} forms are this lock's (no barging: they fail while anyone waits);
     * {@code unlock()} of an unlocked lock throws {@link IllegalMonitorStateException}. The lock
     * stays not owner-bound and not reentrant. {@code newCondition()} returns a
     * {@link java.util.concurrent.locks.Condition} backed by a new {@link AsyncCondition} on this
     * lock. Memory effects are those of this lock.
     *
     * @return the view (a new lightweight object on each call; all views act on this lock)
     */
    public Lock asLock() {
        return new LockView(this);
    }

    /** For {@link LockView#lock()}: waits for the lock ignoring interrupts, then restores them. */
    void lockUninterruptibly() {
        if (tryLock()) {
            return;
        }
        Waiter<Void> w = enqueue();
        if (w != null) {
            Park.awaitUninterruptibly(w); // never withdrawn, so the grant is certain to arrive
        }
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

    /** @return e.g. {@code AsyncLock[locked, waiters:2]} */
    @Override
    public String toString() {
        mutex.lock();
        try {
            return "AsyncLock[" + (state == FREE ? "unlocked" : "locked") + ", waiters:" + queue.size() + "]";
        } finally {
            mutex.unlock();
        }
    }

    /** @return {@code null} if the lock was taken on the spot, else the queued waiter */
    private Waiter<Void> enqueue() {
        mutex.lock();
        try {
            for (;;) {
                int s = state;
                if (s == FREE) {
                    if (STATE.compareAndSet(this, FREE, HELD)) {
                        return null;
                    }
                } else if (s == QUEUED || STATE.compareAndSet(this, HELD, QUEUED)) {
                    break;
                }
            }
            Waiter<Void> w = new Waiter<>(owner, 1);
            queue.add(w);
            return w;
        } finally {
            mutex.unlock();
        }
    }

    private boolean handOff() {
        Waiter<?> next;
        mutex.lock();
        try {
            if (state != QUEUED) {
                return false;
            }
            next = queue.poll();
            if (queue.isEmpty()) {
                state = HELD; // the lock stays held, now by `next`
            }
        } finally {
            mutex.unlock();
        }
        Delivery.complete(executor, () -> next.grant(null));
        return true;
    }

    private boolean withdraw(Waiter<?> w) {
        mutex.lock();
        try {
            if (!queue.remove(w)) {
                return false;
            }
            if (queue.isEmpty()) {
                state = HELD;
            }
            return true;
        } finally {
            mutex.unlock();
        }
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
        // The lock was handed to us while we gave up.
        Park.awaitUninterruptibly(w);
        if (r == Park.INTERRUPTED) {
            Thread.interrupted();
            unlock();
            throw new InterruptedException();
        }
        return true;
    }
}
