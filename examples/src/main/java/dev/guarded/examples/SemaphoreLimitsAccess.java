package dev.guarded.examples;

import dev.guarded.sync.AsyncSemaphore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed's semaphore ({@code ex_4_3}): four tasks want a resource that at most two may use at a time.
 *
 * <p>Each task takes a permit with {@link AsyncSemaphore#withPermit}, the counterpart of
 * {@code async with sem:}, prints "Accessing limited resource", holds the resource for a second and prints
 * "Finished using limited resource". The first two tasks get in at once; the other two wait in the
 * semaphore's FIFO queue and get in as the first two leave, so the lines come in pairs about a second apart.
 * No thread blocks while waiting: a waiting task is a pending future.
 */
public final class SemaphoreLimitsAccess {

    /** How many tasks compete for the resource. */
    public static final int TASKS = 4;

    /** How many may use it at once. */
    public static final int LIMIT = 2;

    private final AsyncSemaphore semaphore = new AsyncSemaphore(LIMIT);
    // Not part of the pattern: counts holders so the example can prove the limit held.
    private final AtomicInteger holders = new AtomicInteger();
    private final AtomicInteger mostHolders = new AtomicInteger();

    private SemaphoreLimitsAccess() {
    }

    /**
     * Runs the four tasks and waits for all of them.
     *
     * @param out  where the tasks print their lines
     * @param hold how long each task keeps the resource; not negative
     * @return the largest number of tasks that held the resource at the same time (never above {@link #LIMIT})
     */
    public static int run(PrintStream out, Duration hold) {
        if (hold.isNegative()) {
            throw new IllegalArgumentException("hold must not be negative, was " + hold);
        }
        SemaphoreLimitsAccess example = new SemaphoreLimitsAccess();
        Executor afterHold = CompletableFuture.delayedExecutor(hold.toNanos(), TimeUnit.NANOSECONDS);
        CompletableFuture<?>[] tasks = new CompletableFuture<?>[TASKS];
        for (int i = 0; i < TASKS; i++) {
            tasks[i] = example.semaphore.withPermit(() -> example.useResource(out, afterHold));
        }
        CompletableFuture.allOf(tasks).join();
        return example.mostHolders.get();
    }

    private CompletableFuture<Void> useResource(PrintStream out, Executor afterHold) {
        mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
        out.println("Accessing limited resource");
        return CompletableFuture.runAsync(() -> {
            out.println("Finished using limited resource");
            holders.decrementAndGet();
        }, afterHold);
    }

    /**
     * Runs the seed's program: four tasks, two at a time, one second each.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, Duration.ofSeconds(1));
    }
}
