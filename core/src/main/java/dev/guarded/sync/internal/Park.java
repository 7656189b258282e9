package dev.guarded.sync.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks the calling thread until a future completes, with exact interrupt bookkeeping (unlike
 * {@code CompletableFuture.get}, which can swallow an interrupt that races with completion).
 * Uses {@link LockSupport} only, so a virtual thread unmounts instead of pinning its carrier.
 */
public final class Park {
    /** The future completed. */
    public static final int DONE = 0;
    /** The thread was interrupted first; the interrupt status has been cleared. */
    public static final int INTERRUPTED = 1;
    /** The time ran out first. */
    public static final int TIMED_OUT = 2;

    private Park() {
    }

    /**
     * Waits for {@code f}. An interrupt that arrives after completion is left pending.
     *
     * @param f the future to wait for
     * @param nanos the maximum wait, or a negative number to wait without limit
     * @return {@link #DONE}, {@link #INTERRUPTED} or {@link #TIMED_OUT}
     */
    public static int await(CompletableFuture<?> f, long nanos) {
        Trampoline.flush();
        if (f.isDone()) {
            return DONE;
        }
        Thread me = Thread.currentThread();
        f.whenComplete((v, e) -> LockSupport.unpark(me));
        long deadline = nanos < 0 ? 0 : System.nanoTime() + nanos;
        while (!f.isDone()) {
            if (Thread.interrupted()) {
                return INTERRUPTED;
            }
            if (nanos < 0) {
                LockSupport.park(f);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return TIMED_OUT;
                }
                LockSupport.parkNanos(f, left);
            }
        }
        return DONE;
    }

    /**
     * Waits for {@code f} ignoring interrupts, then restores any interrupt that arrived meanwhile.
     *
     * @param f the future to wait for; it must be certain to complete
     */
    public static void awaitUninterruptibly(CompletableFuture<?> f) {
        boolean interrupted = false;
        while (await(f, -1) == INTERRUPTED) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
