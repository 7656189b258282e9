package com.acme.schedule;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * On a {@code ForkJoinPool(1)} a task forks two subtasks that both add to the iteration's static, then joins
 * them: one worker runs both, one after the other, which orders nothing.
 */
public final class ForkJoinOneWorkerRacy {

    static final class Add extends RecursiveAction {
        private final int slot;

        Add(int slot) {
            this.slot = slot;
        }

        @Override
        protected void compute() {
            Slots.increment(slot);
        }
    }

    public static void main(String[] args) {
        ForkJoinPool pool = new ForkJoinPool(1);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            pool.invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    Add first = new Add(slot);
                    Add second = new Add(slot);
                    first.fork();
                    second.fork();
                    second.join();
                    first.join();
                }
            });
        }
        pool.shutdown();
    }
}
