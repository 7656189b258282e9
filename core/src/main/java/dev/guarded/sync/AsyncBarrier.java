package dev.guarded.sync;

import dev.guarded.sync.internal.Delivery;
import dev.guarded.sync.internal.Durations;
import dev.guarded.sync.internal.Park;
import dev.guarded.sync.internal.WaitList;
import dev.guarded.sync.internal.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A reusable rendezvous of a fixed number of parties: the Java counterpart of
 * {@code asyncio.Barrier}, thread-safe, with async, blocking and timed waits, plus an optional
 * barrier action as in {@link CyclicBarrier}.
 *
 * <p><b>States</b> (as in asyncio): {@code filling} while parties arrive; {@code draining} once
 * the last party arrived, while the barrier action runs and the parties are released;
 * {@code resetting} while {@link #reset()} breaks the current waiters; {@code broken} after
 * {@link #abort()} or a failed action, until {@code reset()}. Parties arriving while draining or
 * resetting queue (FIFO) and join the next cycle when it starts; arriving while broken fails.
 *
 * <p><b>Arrival index.</b> {@code await} returns the party's position in the cycle, {@code 0} for
 * the first to arrive up to {@code parties - 1} for the last (asyncio's convention; the reverse of
 * {@link CyclicBarrier#await()}). Indices are assigned when the barrier trips, so they are unique
 * within a cycle even if a party left earlier (asyncio can repeat an index in that case).
 *
 * <p><b>Cancellation.</b> A party that cancels its future, times out or is interrupted while the
 * barrier is filling just leaves; the barrier does not break (as in asyncio; unlike
 * {@code CyclicBarrier}, which breaks). A party already released keeps its index.
 *
 * <p><b>Memory.</b> Every party's arrival happens-before any party's return from {@code await}
 * (and the barrier action runs after all arrivals and before any return).
 *
 * <p><b>Callbacks.</b> By default futures complete in the thread of the last party to arrive (or
 * of {@code abort}/{@code reset}, or the JDK's delay thread for timeouts). Created with an
 * {@link Executor} ({@link #AsyncBarrier(int, Runnable, Executor)}), futures that complete after
 * being returned complete on that executor instead.
 *
 * <p><b>Completing a returned future from outside.</b> {@code complete}, {@code
 * completeExceptionally}, {@code cancel}, {@code completeAsync} (both overloads, once the supplier
 * has run), {@code orTimeout} and {@code completeOnTimeout} (when they fire) make a waiting party
 * leave, exactly like {@code cancel}, so it never counts towards a trip; on a released party's
 * future they do nothing and return {@code false}. {@code obtrudeValue} and
 * {@code obtrudeException} are refused with {@link UnsupportedOperationException}.
 * {@code minimalCompletionStage()} cannot be completed; its {@code toCompletableFuture()} is an
 * independent copy.
 *
 * <p><b>String form.</b> {@link #toString()} follows asyncio's repr: {@code [filling, waiters:1/3]},
 * or just {@code [broken]} when broken.
 */
public final class AsyncBarrier {
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final int parties;
    private final Runnable action;
    private final ReentrantLock mutex = new ReentrantLock();
    /** Parties of the current cycle, in arrival order. */
    private final WaitList arrived = new WaitList();
    /** Parties that arrived while draining or resetting, for the next cycle. */
    private final WaitList early = new WaitList();
    private final Waiter.Owner owner = this::withdraw;
    /** Where later completions run; {@code null}: in the releasing thread. */
    private final Executor executor;
    private State state = State.FILLING;

    /**
     * Creates a barrier without action.
     *
     * @param parties how many parties must arrive to trip it, {@code >= 1}
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public AsyncBarrier(int parties) {
        this(parties, null);
    }

    /**
     * Creates a barrier whose {@code action} runs once per cycle, in the thread of the last party
     * to arrive, after all arrivals and before any party is released. If it throws, the barrier
     * breaks: the last party gets the action's exception, the others {@link BrokenBarrierException}.
     *
     * @param parties how many parties must arrive to trip it, {@code >= 1}
     * @param action the barrier action, or {@code null}
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public AsyncBarrier(int parties, Runnable action) {
        this(parties, action, null, true);
    }

    /**
     * As {@link #AsyncBarrier(int, Runnable)}, but futures that complete after being returned (a
     * trip by another party, abort, reset, a timeout) complete on {@code executor}; if it rejects
     * a completion, that completion runs in the releasing thread. The barrier action still runs in
     * the thread of the last party to arrive.
     *
     * @param parties how many parties must arrive to trip it, {@code >= 1}
     * @param action the barrier action, or {@code null}
     * <p>Memory: as without an executor, every arrival of a cycle happens-before the completion of
     * its parties' futures, and the executor's own guarantee (submission happens-before execution)
     * carries that to the continuations it runs.
     *
     * @param executor where continuations of later-completing futures run
     * @throws IllegalArgumentException if {@code parties < 1}
     * @throws NullPointerException if {@code executor} is null
     */
    public AsyncBarrier(int parties, Runnable action, Executor executor) {
        this(parties, action, executor, false);
    }

    private AsyncBarrier(int parties, Runnable action, Executor executor, boolean inline) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1, was " + parties);
        }
        if (executor == null && !inline) {
            throw new NullPointerException("executor must not be null (use the constructor without one"
                    + " to complete in the releasing thread)");
        }
        this.parties = parties;
        this.action = action;
        this.executor = executor;
    }

    /**
     * Arrives asynchronously. Never blocks (except for running the action when this party trips it).
     *
     * @return completes with the arrival index when all parties have arrived, or exceptionally with
     *     {@link BrokenBarrierException} if the barrier is or becomes broken or is reset; cancelling
     *     it while filling makes the party leave
     */
    public CompletableFuture<Integer> awaitAsync() {
        Waiter<Integer> w = new Waiter<>(owner, 1);
        List<Waiter<?>> cycle;
        mutex.lock();
        try {
            switch (state) {
                case BROKEN:
                    return Waiter.failed(new BrokenBarrierException("barrier is broken"));
                case DRAINING:
                case RESETTING:
                    early.add(w);
                    return w;
                default:
                    arrived.add(w);
                    cycle = tripIfFull();
            }
        } finally {
            mutex.unlock();
        }
        if (cycle != null) {
            release(cycle);
        }
        return w;
    }

    /**
     * Arrives asynchronously, giving up after {@code timeout}: if the barrier has not tripped by
     * then, the party leaves (the barrier stays intact, as when cancelled) and the future fails
     * with {@link TimeoutException}. A trip racing with the timeout wins.
     *
     * <p>Memory: as {@link #awaitAsync()}: every arrival of the cycle happens-before the future's
     * normal completion.
     *
     * @param timeout the longest wait; zero or negative means "only if this arrival trips it"
     * @return as {@link #awaitAsync()}, or failing with {@link TimeoutException}
     * @throws NullPointerException if {@code timeout} is null
     */
    public CompletableFuture<Integer> awaitAsync(Duration timeout) {
        long nanos = Durations.toNanos(timeout);
        CompletableFuture<Integer> f = awaitAsync();
        if (!f.isDone()) {
            if (nanos == 0) {
                f.completeExceptionally(new TimeoutException("barrier did not trip within " + timeout));
            } else {
                Delivery.timeout(f, nanos, executor, "barrier did not trip within " + timeout);
            }
        }
        return f;
    }

    /**
     * Arrives and parks until all parties have arrived.
     *
     * @return the arrival index, {@code 0 .. parties-1}
     * @throws InterruptedException if interrupted while filling (the party leaves; the barrier
     *     stays intact). If released at the same moment, returns the index with the interrupt pending.
     * @throws BrokenBarrierException if the barrier is or becomes broken, or is reset while waiting
     */
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return await(-1);
        } catch (TimeoutException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /**
     * Arrives and parks until all parties have arrived or {@code timeout} elapses.
     *
     * @param timeout the longest wait
     * @return the arrival index
     * @throws InterruptedException as for {@link #await()}
     * @throws BrokenBarrierException as for {@link #await()}
     * @throws TimeoutException if the time ran out first (the party left; the barrier stays intact)
     * @throws NullPointerException if {@code timeout} is null
     */
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return await(Durations.toNanos(timeout));
    }

    /**
     * Breaks the barrier: current waiters and every later {@code await} fail with
     * {@link BrokenBarrierException} until {@link #reset()}. Parties already released by a trip keep
     * their index.
     */
    public void abort() {
        List<Waiter<?>> broken;
        mutex.lock();
        try {
            state = State.BROKEN;
            broken = arrived.removeAll();
            broken.addAll(early.removeAll());
        } finally {
            mutex.unlock();
        }
        fail(broken, "barrier aborted");
    }

    /**
     * Returns the barrier to {@code filling}: current waiters fail with
     * {@link BrokenBarrierException} (state {@code resetting} meanwhile), a broken barrier is
     * repaired. A reset while draining does not affect the parties being released.
     */
    public void reset() {
        List<Waiter<?>> broken;
        mutex.lock();
        try {
            if (state == State.DRAINING) {
                return;
            }
            if (arrived.isEmpty()) {
                state = State.FILLING;
                return;
            }
            state = State.RESETTING;
            broken = arrived.removeAll();
        } finally {
            mutex.unlock();
        }
        fail(broken, "barrier was reset");
        release(startNextCycle());
    }

    /**
     * The number of parties needed to trip the barrier (fixed at construction).
     *
     * @return the number of parties
     */
    public int parties() {
        return parties;
    }

    /**
     * The number of parties waiting in the current cycle, like asyncio's {@code n_waiting}: 0
     * unless filling. A snapshot, for monitoring.
     *
     * @return parties waiting while filling, else 0
     */
    public int waiting() {
        mutex.lock();
        try {
            return state == State.FILLING ? arrived.size() : 0;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Whether the barrier is broken, after {@link #abort()} or a failed action, until {@link #reset()}.
     *
     * @return {@code true} if broken
     */
    public boolean isBroken() {
        mutex.lock();
        try {
            return state == State.BROKEN;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Whether any party waits in the current cycle (while filling): {@code waiting() > 0}. A
     * snapshot for monitoring; callers must not rely on it for happens-before.
     *
     * @return {@code true} if at least one party waits for the barrier to trip
     */
    public boolean hasWaiters() {
        return waiting() > 0;
    }

    /** @return e.g. {@code AsyncBarrier[filling, waiters:2/3]} or {@code AsyncBarrier[broken]}, like asyncio's repr */
    @Override
    public String toString() {
        mutex.lock();
        try {
            if (state == State.BROKEN) {
                return "AsyncBarrier[broken]";
            }
            int n = state == State.FILLING ? arrived.size() : 0;
            return "AsyncBarrier[" + state.name().toLowerCase(java.util.Locale.ROOT) + ", waiters:" + n + "/" + parties + "]";
        } finally {
            mutex.unlock();
        }
    }

    private int await(long nanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        CompletableFuture<Integer> f = awaitAsync();
        int r = Park.await(f, nanos);
        if (r != Park.DONE) {
            if (f.cancel(false)) {
                if (r == Park.INTERRUPTED) {
                    throw new InterruptedException();
                }
                throw new TimeoutException("barrier did not trip in time");
            }
            Park.awaitUninterruptibly(f); // released at the same moment: keep the index
            if (r == Park.INTERRUPTED) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BrokenBarrierException) {
                throw new BrokenBarrierException(cause.getMessage());
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new CompletionException(cause);
        }
    }

    /** Under mutex: if this arrival completes the cycle, enters draining and returns the parties. */
    private List<Waiter<?>> tripIfFull() {
        if (arrived.size() < parties) {
            return null;
        }
        state = State.DRAINING;
        return arrived.removeAll();
    }

    /** Outside the mutex: runs the action, releases one full cycle, then starts the next ones. */
    private void release(List<Waiter<?>> cycle) {
        while (cycle != null) {
            Throwable failure = null;
            if (action != null) {
                try {
                    action.run();
                } catch (Throwable t) {
                    failure = t;
                }
            }
            if (failure == null) {
                for (int i = 0; i < cycle.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Waiter<Integer> w = (Waiter<Integer>) cycle.get(i);
                    int index = i;
                    Delivery.complete(executor, () -> w.grant(index));
                }
            } else {
                Waiter<?> last = cycle.remove(cycle.size() - 1);
                mutex.lock();
                try {
                    state = State.BROKEN;
                } finally {
                    mutex.unlock();
                }
                fail(cycle, "barrier action failed: " + failure);
                Throwable f = failure;
                Delivery.complete(executor, () -> last.fail(f));
            }
            cycle = startNextCycle();
        }
    }

    /**
     * Ends draining or resetting: admits the early arrivals into a new cycle (or fails them if
     * broken meanwhile) and returns a cycle that they filled, to be released by the caller.
     */
    private List<Waiter<?>> startNextCycle() {
        List<Waiter<?>> broken = null;
        List<Waiter<?>> cycle = null;
        mutex.lock();
        try {
            if (state == State.BROKEN) {
                broken = early.removeAll();
            } else {
                state = State.FILLING;
                while (cycle == null && !early.isEmpty()) {
                    arrived.add(early.poll());
                    cycle = tripIfFull();
                }
            }
        } finally {
            mutex.unlock();
        }
        if (broken != null) {
            fail(broken, "barrier is broken");
        }
        return cycle;
    }

    private void fail(List<Waiter<?>> waiters, String why) {
        for (Waiter<?> w : waiters) {
            Delivery.complete(executor, () -> w.fail(new BrokenBarrierException(why)));
        }
    }

    private boolean withdraw(Waiter<?> w) {
        mutex.lock();
        try {
            return arrived.remove(w) || early.remove(w);
        } finally {
            mutex.unlock();
        }
    }
}
