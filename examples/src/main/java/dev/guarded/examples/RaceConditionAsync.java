package dev.guarded.examples;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The seed's race condition ({@code ex_4_1}) as asyncio really runs it: every task on one event-loop thread,
 * each {@code await asyncio.sleep(0.01)} a continuation that the loop runs later.
 *
 * <p>One thread, yet the same lost updates: all 10,000 tasks take their first step (read {@code value},
 * which is 0) before any delayed continuation is due, so every task finally writes {@code 0 + 1}. The
 * program prints {@code value=1}, exactly the seed's outcome, and it does so deterministically because the
 * loop runs its queue in order.
 *
 * <p>With a single thread there is no data race, only an atomicity violation between the suspension points;
 * the race detector reports it as a stale write: a task writes back the value it read before suspending,
 * after another task wrote {@code value}. The cure is the same as in asyncio, a lock held across the whole
 * read-modify-write (see {@link LockFixesRaceAsync}).
 */
public final class RaceConditionAsync {

    // Only the loop thread touches this field; the race is between the tasks' steps, not between threads.
    private int value;

    private RaceConditionAsync() {
    }

    /**
     * Runs {@code tasks} increment tasks on a fresh event loop, without a lock, and waits for all of them.
     *
     * @param tasks how many tasks to start; at least 1
     * @param delay the pause at each suspension point; not negative
     * @return the final value: always 1, since every task reads 0 before the first write is even queued
     */
    public static int run(int tasks, Duration delay) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, was " + tasks);
        }
        RaceConditionAsync counter = new RaceConditionAsync();
        try (EventLoop loop = new EventLoop()) {
            // Like asyncio.gather(*coroutines) inside main(): one loop step creates every task, so all of
            // their first steps are queued before any continuation.
            return CompletableFuture
                    .supplyAsync(() -> counter.gather(tasks, loop.executor(), loop.after(delay)), loop.executor())
                    .thenCompose(everyTask -> everyTask)
                    // Read the result on the loop too: value is only ever touched by the loop thread.
                    .thenApplyAsync(done -> counter.value, loop.executor())
                    .join();
        }
    }

    private CompletableFuture<Void> gather(int tasks, Executor loop, Executor later) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            all[i] = task(loop, later);
        }
        return CompletableFuture.allOf(all);
    }

    /** {@code tmp = value; await sleep; tmp = tmp + 1; await sleep; value = tmp}, one step per stage. */
    private CompletableFuture<Void> task(Executor loop, Executor later) {
        return CompletableFuture.supplyAsync(() -> value, loop)
                .thenApplyAsync(tmp -> tmp + 1, later)
                .thenAcceptAsync(tmp -> value = tmp, later);
    }

    /**
     * Runs the seed's program on an event loop and prints the final value.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("value=" + run(RaceCondition.TASKS, RaceCondition.DELAY));
    }
}
