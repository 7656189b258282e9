package dev.guarded.benchmarks.locks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-holder async primitive driven from a single thread: hold it, queue many async waiters behind the
 * holder, then drain them in FIFO order. Used by the async-contention benchmark and the footprint run.
 * Not thread-safe: one driver thread owns it (callbacks run on whichever thread releases).
 */
public abstract class AsyncQueue {

    private static final long STALL_SECONDS = 60;

    private final CompletableFuture<?>[] pending;
    private int queued;
    private int drained;
    private boolean holding;
    private Object firstGrant;
    private int callbackGrants;

    /** @param capacity how many waiters {@link #enqueueAll()} queues */
    protected AsyncQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("waiters must be >= 1, got " + capacity);
        }
        this.pending = new CompletableFuture<?>[capacity];
    }

    /** @return a future completed with the grant once the caller holds the primitive */
    protected abstract CompletableFuture<?> request();

    /** @param grant the value the request's future completed with */
    protected abstract void release(Object grant);

    /** Takes the primitive so that later requests queue. */
    public final void holdFirst() {
        CompletableFuture<?> first = request();
        if (!first.isDone()) {
            throw new IllegalStateException("the primitive was not free at the start");
        }
        firstGrant = first.join();
        holding = true;
    }

    /** @return the number of waiters queued behind the holder */
    public final int enqueueAll() {
        for (int i = 0; i < pending.length; i++) {
            pending[i] = request();
        }
        queued = pending.length;
        drained = 0;
        return queued;
    }

    /** @return how many queued waiters were granted; releases the holder and each waiter in FIFO order */
    public final int drainAll() {
        releaseHolder();
        int count = 0;
        for (; drained < queued; drained++) {
            Object grant = pending[drained].join();
            pending[drained] = null;
            release(grant);
            count++;
        }
        return count;
    }

    /**
     * Queues every waiter with a continuation that releases, then releases the holder and waits for the
     * chain to reach the last waiter.
     *
     * @return the number of waiters granted
     */
    public final int enqueueAndDrainByCallbacks() {
        callbackGrants = 0;
        CompletableFuture<Void> last = null;
        for (int i = 0; i < pending.length; i++) {
            last = request().thenAccept(grant -> {
                callbackGrants++;
                release(grant);
            });
        }
        releaseHolder();
        try {
            last.get(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("callback drain stopped after " + callbackGrants + " of "
                    + pending.length + " grants", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining", e);
        }
        return callbackGrants;
    }

    /** Throws unless the primitive is free and nothing is queued (the previous run left it consistent). */
    public final void checkIdle() {
        CompletableFuture<?> probe = request();
        if (!probe.isDone()) {
            throw new IllegalStateException("the primitive is still held after draining");
        }
        release(probe.join());
    }

    private void releaseHolder() {
        if (holding) {
            holding = false;
            Object grant = firstGrant;
            firstGrant = null;
            release(grant);
        }
    }
}
