package com.acme.cf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Every two-source and any-of stage, with a source completing while the stage method is under way. The
 * first source is complete (for the either-stages it stays incomplete); a completer thread fills a cell and
 * completes the second source. Whichever thread runs the stage's function then reads the cells of the
 * sources it depends on: ordered after their completion, whether the function runs at once in the caller or
 * later in the completer. Clean in every schedule.
 *
 * <p>The second source is a {@link LateSource}: the stage methods convert their other stage with
 * {@code toCompletableFuture()} after they are entered and before they read its result, and this one has the
 * completer complete it there and then waits a moment (a sleep, which orders nothing), so the source is
 * usually complete when the stage reads it and the function runs at once in the caller. {@code allOf} and
 * {@code anyOf} take futures as they are: there the completion is sent just before the call, after a wait
 * that grows each round so that it sweeps across the call.
 */
public final class TwoSourceWindowClean {

    static final class Cell {
        int value;
    }

    /** A future that is completed by the completer thread when a stage method asks for it. */
    static final class LateSource extends CompletableFuture<Cell> {
        private final Runnable completion;
        private final AtomicReference<Runnable> jobs;

        LateSource(Cell cell, AtomicReference<Runnable> jobs) {
            this.completion = () -> {
                cell.value = 22;
                complete(cell);
            };
            this.jobs = jobs;
        }

        /** Sends the completion to the completer and waits until it is probably done; returns this future. */
        @Override
        public CompletableFuture<Cell> toCompletableFuture() {
            if (!isDone()) {
                send(jobs, completion);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return this;
        }
    }

    private static final int ROUNDS = 1000;

    /** The stages under test, used in turn. */
    private static final int STAGES = 10;

    public static void main(String[] args) throws Exception {
        AtomicReference<Runnable> jobs = new AtomicReference<>();
        Runnable stop = () -> { };
        Thread completer = new Thread(() -> {
            while (true) {
                Runnable job;
                while ((job = jobs.getAndSet(null)) == null) {
                    Thread.onSpinWait();
                }
                if (job == stop) {
                    return;
                }
                job.run();
            }
        }, "completer");
        completer.start();
        for (int round = 0; round < ROUNDS; round++) {
            int stage = round % STAGES;
            boolean either = stage >= 4 && stage <= 6 || stage == 9;
            boolean late = stage != 3 && stage != 9;
            Cell first = new Cell();
            Cell second = new Cell();
            CompletableFuture<Cell> fx = new CompletableFuture<>();
            CompletableFuture<Cell> fy = late ? new LateSource(second, jobs) : new CompletableFuture<>();
            if (!either) {
                first.value = 20;
                fx.complete(first);
            }
            if (!late) {
                send(jobs, () -> {
                    second.value = 22;
                    fy.complete(second);
                });
                for (int wait = round % 97; wait > 0; wait--) {
                    Thread.onSpinWait();
                }
            }
            int got = stage(stage, fx, fy, first, second).join();
            int expected = either ? 22 : 42;
            if (got != expected) {
                throw new AssertionError("stage " + stage + ": " + got);
            }
            if (either) {
                first.value = 20;
                fx.complete(first);
            }
        }
        send(jobs, stop);
        completer.join();
    }

    /** Hands {@code job} to the completer, after the previous one was taken. */
    static void send(AtomicReference<Runnable> jobs, Runnable job) {
        while (!jobs.compareAndSet(null, job)) {
            Thread.onSpinWait();
        }
    }

    private static CompletableFuture<Integer> stage(int stage, CompletableFuture<Cell> fx, CompletableFuture<Cell> fy,
            Cell first, Cell second) {
        BiFunction<Cell, Cell, Integer> sum = (a, b) -> a.value + b.value;
        CompletableFuture<Integer> out = new CompletableFuture<>();
        switch (stage) {
            case 0 -> fx.thenCombine(fy, sum).thenAccept(out::complete);
            case 1 -> fx.thenAcceptBoth(fy, (a, b) -> out.complete(a.value + b.value));
            case 2 -> fx.runAfterBoth(fy, () -> out.complete(first.value + second.value));
            case 3 -> CompletableFuture.allOf(fx, fy).thenRun(() -> out.complete(first.value + second.value));
            case 4 -> fx.applyToEither(fy, c -> c.value).thenAccept(out::complete);
            case 5 -> fx.acceptEither(fy, c -> out.complete(c.value));
            // fx is incomplete: only fy, which the completer filled, can have released the action.
            case 6 -> fx.runAfterEither(fy, () -> out.complete(second.value));
            case 7 -> fx.thenCombineAsync(fy, sum, Runnable::run).thenAccept(out::complete);
            case 8 -> fx.thenAcceptBothAsync(fy, (a, b) -> out.complete(a.value + b.value), Runnable::run);
            default -> CompletableFuture.anyOf(fx, fy).thenAccept(c -> out.complete(((Cell) c).value));
        }
        return out;
    }

    private TwoSourceWindowClean() {
    }
}
