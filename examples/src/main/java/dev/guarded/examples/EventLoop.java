package dev.guarded.examples;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded executor playing the part of asyncio's event loop: every task and every continuation
 * submitted to it runs on the one loop thread, in submission order. {@link #after(Duration)} is the
 * counterpart of {@code await asyncio.sleep(delay)}: a continuation scheduled through it runs on the loop
 * thread once the delay has passed, and the loop stays free to run other tasks meanwhile.
 */
final class EventLoop implements AutoCloseable {

    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("event-loop").daemon().factory());

    /**
     * The loop itself. Submissions run on the loop thread in FIFO order; everything a submitter did before
     * submitting happens-before the task runs (the executor's contract).
     *
     * @return an executor that runs tasks on the loop thread
     */
    Executor executor() {
        return thread;
    }

    /**
     * An executor that hands tasks to the loop after {@code delay}; with a zero delay it is the loop itself.
     *
     * @param delay how long to wait before the task is queued on the loop; not negative
     * @return an executor whose tasks run on the loop thread no sooner than {@code delay} after submission
     */
    Executor after(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return delay.isZero() ? thread : CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, thread);
    }

    /** Stops the loop thread once the tasks already queued have run. */
    @Override
    public void close() {
        thread.close();
    }
}
