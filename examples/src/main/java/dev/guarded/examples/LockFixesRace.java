package dev.guarded.examples;

import dev.guarded.sync.AsyncLock;
import dev.guarded.sync.Guard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's fix with a lock ({@code ex_4_2}) for virtual threads: the same 10,000 read-sleep-write tasks as
 * {@link RaceCondition}, but each holds an {@link AsyncLock} across its whole read-modify-write, so no task
 * can read {@code value} while another is between its read and its write. It prints 10000.
 *
 * <p>{@code try (Guard guard = lock.guard())} is the blocking counterpart of Python's
 * {@code async with lock:}; the lock is released when the block exits, normally or by an exception. Because
 * every access to {@code value} happens while holding the lock, running this under the detector
 * ({@code examples/run-example lock --detect}) reports no race.
 */
public final class LockFixesRace {

    private final AsyncLock lock = new AsyncLock();

    // Guarded by lock: read and written only inside lock.guard().
    private int value;

    private LockFixesRace() {
    }

    /**
     * Starts {@code tasks} virtual threads that each increment the shared value once under the lock, and
     * waits for all of them.
     *
     * @param tasks how many virtual threads to start; at least 1
     * @param delay how long each task sleeps between its steps, while holding the lock; not negative
     * @return the final value, which is {@code tasks}
     * @throws InterruptedException if the calling thread is interrupted while waiting for the tasks
     */
    public static int run(int tasks, Duration delay) throws InterruptedException {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, was " + tasks);
        }
        LockFixesRace counter = new LockFixesRace();
        List<Thread> threads = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            threads.add(Thread.ofVirtual().name("task-" + i).start(() -> counter.incrementQuietly(delay)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // The last holder's unlock happens-before the joins above, so no lock is needed for this read.
        return counter.value;
    }

    private void increment(Duration delay) throws InterruptedException {
        try (Guard guard = lock.guard()) {
            int tmp = value;
            Thread.sleep(delay);
            tmp = tmp + 1;
            Thread.sleep(delay);
            value = tmp;
        }
    }

    private void incrementQuietly(Duration delay) {
        try {
            increment(delay);
        } catch (InterruptedException e) {
            // Nobody interrupts these tasks; if someone does, the thread ends early and keeps its flag.
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the locked version of the seed's program, with no delay as in the seed, and prints the value.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting for the tasks
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("value = " + run(RaceCondition.TASKS, Duration.ZERO));
    }
}
