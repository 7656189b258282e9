package dev.guarded.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's race condition ({@code ex_4_1}) with virtual threads, Java's counterpart of asyncio tasks.
 *
 * <p>Ten thousand tasks each read the shared {@code value}, sleep, add one to their private copy, sleep
 * again and write the copy back. Every task that reads before another task's write lands works from a stale
 * copy, so its increment overwrites, rather than adds to, the others: the program prints a number far below
 * 10,000. Run it under the detector ({@code examples/run-example race-condition --detect}) and the report
 * names {@code RaceCondition.value} with the two lines that conflict: the read in {@link #increment} and the
 * write back.
 *
 * <p>{@link RaceConditionAsync} is the same program on a single-threaded event loop, and {@link LockFixesRace}
 * is the repair.
 */
public final class RaceCondition {

    /** How many tasks the program starts, as in the seed. */
    public static final int TASKS = 10_000;

    /** How long each task sleeps between its steps, as in the seed ({@code asyncio.sleep(0.01)}). */
    public static final Duration DELAY = Duration.ofMillis(10);

    // Deliberately plain: no lock, no volatile. This is the shared state the tasks race on.
    private int value;

    private RaceCondition() {
    }

    /**
     * Starts {@code tasks} virtual threads that each increment the shared value once, without any
     * synchronization, and waits for all of them.
     *
     * @param tasks how many virtual threads to start; at least 1
     * @param delay how long each task sleeps between reading and writing; not negative
     * @return the final value; {@code tasks} only if no increment was lost
     * @throws InterruptedException if the calling thread is interrupted while waiting for the tasks
     */
    public static int run(int tasks, Duration delay) throws InterruptedException {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, was " + tasks);
        }
        RaceCondition counter = new RaceCondition();
        List<Thread> threads = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            threads.add(Thread.ofVirtual().name("task-" + i).start(() -> counter.increment(delay)));
        }
        // join() makes every task's write visible here, so the value read below is the true final one.
        for (Thread thread : threads) {
            thread.join();
        }
        return counter.value;
    }

    private void increment(Duration delay) {
        int tmp = value;
        sleep(delay);
        tmp = tmp + 1;
        sleep(delay);
        value = tmp;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            // Keep the interrupt visible to whoever owns this thread; the example just moves on.
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the seed's program and prints the final value.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting for the tasks
     */
    public static void main(String[] args) throws InterruptedException {
        int value = run(TASKS, DELAY);
        System.out.println("value = " + value + " after " + TASKS + " increments ("
                + (TASKS - value) + " lost to the race)");
    }
}
