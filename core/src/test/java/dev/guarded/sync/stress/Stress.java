package dev.guarded.sync.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stress harness: runs one body per virtual thread while an interrupter thread interrupts random
 * workers, then checks that every worker finished (no waiter stranded) and none failed.
 *
 * <p>Size: {@code 10_000 × guarded.stress.scale} virtual threads per primitive. The default build
 * uses scale 1 (10,000 threads); {@code -Pnightly} uses scale 10, the full size of
 * 100,000 virtual threads per primitive.
 */
final class Stress {
    /** Upper bound for a whole run; only reached if a waiter is stranded. */
    private static final long PATIENCE_SECONDS = 60;

    /** Per-worker body. */
    @FunctionalInterface
    interface Body {
        void run(int index, ThreadLocalRandom random) throws Exception;
    }

    private Stress() {
    }

    /** @return the number of virtual threads per primitive */
    static int threads() {
        int scale = Integer.getInteger("guarded.stress.scale", 1);
        if (scale < 1) {
            throw new IllegalArgumentException("guarded.stress.scale must be >= 1, was " + scale);
        }
        return 10_000 * scale;
    }

    /**
     * Cancels other threads' pending futures while the workers run, racing with grants made by
     * concurrent releases (a coordinator for {@link #run(String, int, Body, Coordinator)}).
     *
     * @return how many cancellations succeeded
     */
    static int cancelWhileRunning(ConcurrentLinkedQueue<CompletableFuture<?>> cancellable,
            java.util.function.IntSupplier unfinished) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int cancelled = 0;
        while (unfinished.getAsInt() > 0) {
            CompletableFuture<?> f = cancellable.poll();
            if (f == null) {
                Thread.onSpinWait();
            } else if (r.nextBoolean() && f.cancel(false)) {
                cancelled++;
            }
        }
        return cancelled;
    }

    /** Burns a little time inside a callback, widening the window in which a deferred grant is in flight. */
    static void busy(ThreadLocalRandom r) {
        for (int k = r.nextInt(200); k > 0; k--) {
            Thread.onSpinWait();
        }
    }

    /** @return a random short timeout, sometimes zero */
    static Duration shortTimeout(ThreadLocalRandom random) {
        return Duration.ofNanos(random.nextInt(4) == 0 ? 0 : random.nextLong(2_000_000));
    }

    /**
     * Waits (bounded, ignoring interrupts, which stay pending) for a future the test expects to
     * complete; fails naming it if it is stranded.
     */
    static void completes(String what, CompletableFuture<?> f) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.handle((v, e) -> null).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.TimeoutException e) {
                    fail(what + " never completed (stranded waiter)");
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Main-thread step run while the workers run, e.g. to release every remaining waiter at the end. */
    @FunctionalInterface
    interface Coordinator {
        void run(java.util.function.IntSupplier unfinished) throws Exception;
    }

    /** Runs {@code n} workers on virtual threads, interrupting random ones while they run. */
    static void run(String name, int n, Body body) throws Exception {
        run(name, n, body, unfinished -> { });
    }

    /**
     * Runs {@code n} workers on virtual threads, interrupting random ones while they run, and
     * {@code coordinator} on the calling thread; then checks that all finished without failure.
     */
    static void run(String name, int n, Body body, Coordinator coordinator) throws Exception {
        System.out.println("stress " + name + ": " + n + " virtual threads");
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>(n);
        AtomicInteger finished = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            int index = i;
            workers.add(Thread.ofVirtual().name(name + "-" + i).start(() -> {
                try {
                    body.run(index, ThreadLocalRandom.current());
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    Thread.interrupted(); // an interrupt that arrived after the last wait is fine
                    finished.incrementAndGet();
                }
            }));
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread interrupter = Thread.ofPlatform().name(name + "-interrupter").start(() -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (!done.get()) {
                workers.get(r.nextInt(n)).interrupt();
                Thread.onSpinWait();
                if (r.nextInt(64) == 0) {
                    Thread.yield();
                }
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        try {
            coordinator.run(() -> n - finished.get());
            for (Thread t : workers) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(Math.max(left, 1)))) {
                    fail(t.getName() + " is stuck: " + (n - finished.get()) + " of " + n + " workers never finished");
                }
            }
        } finally {
            done.set(true);
            interrupter.join();
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " workers failed; first: " + failures.peek());
            failures.forEach(e::addSuppressed);
            throw e;
        }
        assertEquals(n, finished.get());
    }
}
