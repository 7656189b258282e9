package dev.guarded.sync.internal;

/**
 * One queued request (lock, permits, notification, barrier arrival). It is the future handed to
 * async callers and the object a blocked thread parks on, so both faces share one FIFO queue.
 *
 * <p>Who wins between a grant and a cancellation is decided under the owner's internal lock by
 * whether the waiter is still linked: the granter unlinks it first, a canceller must unlink it
 * itself ({@link Owner#withdraw}). So a grant is never lost: once unlinked for a grant, every later
 * {@code cancel}/{@code completeExceptionally}/{@code complete} from outside returns {@code false}.
 * The other completion methods go through these three or are refused ({@link WithdrawingFuture}).
 *
 * @param <T> the value the waiter receives when granted
 */
public final class Waiter<T> extends WithdrawingFuture<T> {
    private static final Owner NOT_QUEUED = w -> false;

    /** The primitive that queued this waiter. */
    @FunctionalInterface
    public interface Owner {
        /**
         * Removes a still-queued waiter under the owner's internal lock.
         *
         * @param waiter the waiter to remove
         * @return {@code true} if it was queued and is now removed; {@code false} if it was already
         *     granted (or never queued), in which case the grant stands
         */
        boolean withdraw(Waiter<?> waiter);
    }

    private final Owner owner;
    /** How many units (permits) this waiter asks for. */
    final int units;
    // Intrusive links, guarded by the owner's internal lock (only WaitList touches them).
    Waiter<?> prev;
    Waiter<?> next;
    WaitList list;

    /**
     * Creates a waiter.
     *
     * @param owner the primitive that will queue it
     * @param units how many units it asks for (1 for most primitives)
     */
    public Waiter(Owner owner, int units) {
        this.owner = owner;
        this.units = units;
    }

    /**
     * A request refused on the spot (for example, arriving at a broken barrier).
     *
     * @param failure why
     * @param <T> the value type
     * @return a failed waiter that is in no queue
     */
    public static <T> Waiter<T> failed(Throwable failure) {
        Waiter<T> w = new Waiter<>(NOT_QUEUED, 1);
        w.fail(failure);
        return w;
    }

    /** @return how many units this waiter asks for */
    public int units() {
        return units;
    }

    /**
     * Completes the waiter normally; only for the owner, after it unlinked the waiter.
     *
     * @param value the granted value
     */
    public void grant(T value) {
        super.complete(value);
    }

    /**
     * Completes the waiter exceptionally; only for the owner, after it unlinked the waiter.
     *
     * @param failure the failure
     */
    public void fail(Throwable failure) {
        super.completeExceptionally(failure);
    }

    /** Withdraws the waiter if it is still queued, then cancels it. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return !isDone() && owner.withdraw(this) && super.cancel(mayInterruptIfRunning);
    }

    /** Withdraws the waiter if it is still queued (this is how timeouts arrive), then fails it. */
    @Override
    public boolean completeExceptionally(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException("completeExceptionally(null): a failure is required");
        }
        return !isDone() && owner.withdraw(this) && super.completeExceptionally(ex);
    }

    /** Withdraws the waiter if it is still queued, then completes it; no grant is held then. */
    @Override
    public boolean complete(T value) {
        return !isDone() && owner.withdraw(this) && super.complete(value);
    }
}
