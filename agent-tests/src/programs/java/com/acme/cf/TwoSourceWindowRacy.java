package com.acme.cf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * {@link TwoSourceWindowClean} with the completer filling the second cell only after completing its source:
 * the stage's function, which reads the cell, is not ordered after that write (it may even read the old
 * value: the program accepts either).
 */
public final class TwoSourceWindowRacy {

    static final class Cell {
        int value;
    }

    /** A future that is completed by the completer thread when a stage method asks for it. */
    static final class LateSource extends CompletableFuture<Cell> {
        private final Runnable completion;
        private final AtomicReference<Runnable> jobs;

        LateSource(Cell cell, AtomicReference<Runnable> jobs) {
            this.completion = () -> {
                complete(cell);
                cell.value = 22;
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
                    fy.complete(second);
                    second.value = 22;
                });
                for (int wait = round % 97; wait > 0; wait--) {
                    Thread.onSpinWait();
                }
            }
            int got = stage(stage, fx, fy, first, second).join();
            int expected = either ? 22 : 42;
            if (got != expected && got != expected - 22) {
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

    private TwoSourceWindowRacy() {
    }
}
