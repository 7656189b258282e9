package dev.guarded.sync;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers: wait for an observable condition (never a fixed sleep) and run virtual threads. */
final class Probe {
    /** Generous upper bound so a broken primitive fails the test instead of hanging the build. */
    static final long PATIENCE_SECONDS = 30;

    private Probe() {
    }

    /** Spins (yielding) until {@code condition} holds; fails after {@link #PATIENCE_SECONDS}. */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for: " + what);
            }
            Thread.yield();
        }
    }

    /** Waits until {@code t} is parked (WAITING/TIMED_WAITING). */
    static void parked(Thread t) {
        until(t.getName() + " parked", () -> {
            Thread.State s = t.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
        });
    }

    /** A body run on its own virtual thread, whose outcome can be joined. */
    static final class Worker<T> {
        final Thread thread;
        final CompletableFuture<T> outcome = new CompletableFuture<>();

        private Worker(String name, Callable<T> body) {
            thread = Thread.ofVirtual().name(name).unstarted(() -> {
                try {
                    outcome.complete(body.call());
                } catch (Throwable t) {
                    outcome.completeExceptionally(t);
                }
            });
            thread.start();
        }

        /** @return the body's result; rethrows its exception as the cause of an ExecutionException */
        T join() throws ExecutionException, InterruptedException {
            try {
                return outcome.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(thread.getName() + " did not finish", e);
            }
        }

        /** @return the exception the body threw */
        Throwable failure() throws InterruptedException {
            try {
                join();
            } catch (ExecutionException e) {
                return e.getCause();
            }
            throw new AssertionError(thread.getName() + " finished normally, expected a failure");
        }
    }

    static <T> Worker<T> start(String name, Callable<T> body) {
        return new Worker<>(name, body);
    }

    /** Runs {@code body} inside a future callback, where the primitives defer nested completions. */
    static void insideCallback(Runnable body) {
        AsyncEvent trigger = new AsyncEvent();
        CompletableFuture<Void> done = trigger.awaitAsync().thenRun(body);
        trigger.set();
        done.join();
    }
}
