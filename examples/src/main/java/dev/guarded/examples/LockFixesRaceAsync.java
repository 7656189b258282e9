package dev.guarded.examples;

import dev.guarded.sync.AsyncLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The seed's fix with a lock ({@code ex_4_2}) on an event loop: {@link RaceConditionAsync}'s tasks, each
 * running its read-sleep-write inside {@link AsyncLock#withLock}, the counterpart of {@code async with lock:}.
 *
 * <p>While one task is suspended between its read and its write, the others wait in the lock's FIFO queue
 * instead of reading a value that is about to change, so the program prints {@code value=10000}. No thread
 * ever blocks: waiting for the lock is just a future that completes when the previous holder's stage does.
 */
public final class LockFixesRaceAsync {

    private final AsyncLock lock = new AsyncLock();

    // Guarded by lock: touched only by stages running inside withLock.
    private int value;

    private LockFixesRaceAsync() {
    }

    /**
     * Runs {@code tasks} increment tasks on a fresh event loop, each under the lock, and waits for all of them.
     *
     * @param tasks how many tasks to start; at least 1
     * @param delay the pause at each suspension point, taken while holding the lock; not negative
     * @return the final value, which is {@code tasks}
     */
    public static int run(int tasks, Duration delay) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, was " + tasks);
        }
        LockFixesRaceAsync counter = new LockFixesRaceAsync();
        try (EventLoop loop = new EventLoop()) {
            Executor now = loop.executor();
            Executor later = loop.after(delay);
            return CompletableFuture
                    .supplyAsync(() -> counter.gather(tasks, now, later), now)
                    .thenCompose(everyTask -> everyTask)
                    .thenApplyAsync(done -> counter.value, now)
                    .join();
        }
    }

    private CompletableFuture<Void> gather(int tasks, Executor loop, Executor later) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            // withLock releases the lock when the returned stage completes, however it completes.
            all[i] = lock.withLock(() -> task(loop, later));
        }
        return CompletableFuture.allOf(all);
    }

    private CompletableFuture<Void> task(Executor loop, Executor later) {
        return CompletableFuture.supplyAsync(() -> value, loop)
                .thenApplyAsync(tmp -> tmp + 1, later)
                .thenAcceptAsync(tmp -> value = tmp, later);
    }

    /**
     * Runs the locked version of the seed's program on an event loop, with no delay as in the seed.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("value=" + run(RaceCondition.TASKS, Duration.ZERO));
    }
}
