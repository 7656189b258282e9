package dev.guarded.examples;

import dev.guarded.sync.AsyncCondition;
import dev.guarded.sync.AsyncLock;
import dev.guarded.sync.Guard;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coordinating tasks with conditions, the seed's closing topic ({@code asyncio.Condition}): producers and
 * consumers share a small bounded buffer, and two {@link AsyncCondition}s on one {@link AsyncLock} say when
 * there is room ({@code notFull}) and when there is work ({@code notEmpty}).
 *
 * <p>Each side holds the lock, waits with {@link AsyncCondition#waitFor} until its predicate is true
 * (which releases the lock while waiting and re-checks the predicate after every wake-up, like asyncio's
 * {@code wait_for}), changes the buffer, and wakes one task of the other side with
 * {@link AsyncCondition#signal()}. Nothing is lost or taken twice, so the consumers' total equals the sum of
 * everything produced.
 */
public final class ConditionCoordinatesProducersAndConsumers {

    /** The producers; each puts the numbers 1 to {@link #ITEMS_PER_PRODUCER} into the buffer. */
    public static final int PRODUCERS = 3;

    /** The consumers; between them they take every item. */
    public static final int CONSUMERS = 2;

    /** How many items each producer makes. */
    public static final int ITEMS_PER_PRODUCER = 100;

    /** How many items the buffer holds before producers have to wait. */
    public static final int CAPACITY = 4;

    private final AsyncLock lock = new AsyncLock();
    private final AsyncCondition notFull = new AsyncCondition(lock);
    private final AsyncCondition notEmpty = new AsyncCondition(lock);
    // Guarded by lock.
    private final ArrayDeque<Integer> buffer = new ArrayDeque<>(CAPACITY);

    private ConditionCoordinatesProducersAndConsumers() {
    }

    /**
     * Runs the producers and consumers on virtual threads and waits for all of them.
     *
     * @return the sum of every item the consumers took; {@link #expectedTotal()} when nothing was lost
     * @throws InterruptedException if the calling thread is interrupted while waiting for the tasks
     */
    public static long run() throws InterruptedException {
        ConditionCoordinatesProducersAndConsumers example = new ConditionCoordinatesProducersAndConsumers();
        int total = PRODUCERS * ITEMS_PER_PRODUCER;
        AtomicLong consumed = new AtomicLong();
        List<Thread> tasks = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            tasks.add(Thread.ofVirtual().name("producer-" + p).start(example::produce));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            // Split the items so that every consumer knows when it is done; the first takes any remainder.
            int share = total / CONSUMERS + (c == 0 ? total % CONSUMERS : 0);
            tasks.add(Thread.ofVirtual().name("consumer-" + c).start(() -> example.consume(share, consumed)));
        }
        for (Thread task : tasks) {
            task.join();
        }
        return consumed.get();
    }

    /** @return the sum of everything the producers make: each makes 1 + 2 + ... + ITEMS_PER_PRODUCER */
    public static long expectedTotal() {
        return (long) PRODUCERS * ITEMS_PER_PRODUCER * (ITEMS_PER_PRODUCER + 1) / 2;
    }

    private void produce() {
        try {
            for (int item = 1; item <= ITEMS_PER_PRODUCER; item++) {
                try (Guard guard = lock.guard()) {
                    notFull.waitFor(() -> buffer.size() < CAPACITY);
                    buffer.addLast(item);
                    notEmpty.signal();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume(int items, AtomicLong consumed) {
        try {
            for (int i = 0; i < items; i++) {
                int item;
                try (Guard guard = lock.guard()) {
                    notEmpty.waitFor(() -> !buffer.isEmpty());
                    item = buffer.removeFirst();
                    notFull.signal();
                }
                consumed.addAndGet(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the producers and consumers and prints the checked total.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting for the tasks
     */
    public static void main(String[] args) throws InterruptedException {
        long total = run();
        long expected = expectedTotal();
        System.out.println(PRODUCERS + " producers, " + CONSUMERS + " consumers, buffer of " + CAPACITY
                + ": consumed total " + total + (total == expected ? " (correct)" : " (WRONG, expected " + expected + ")"));
        if (total != expected) {
            System.exit(1);
        }
    }
}
