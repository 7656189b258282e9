package com.acme.schedule;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/** {@link ForkJoinOneWorkerRacy} with the second subtask forked only after the first was joined. */
public final class ForkJoinOneWorkerClean {

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
                    new Add(slot).fork().join();
                    new Add(slot).fork().join();
                    Slots.increment(slot);
                }
            });
            if (Slots.get(slot) != 3) {
                throw new IllegalStateException("lost an update");
            }
        }
        pool.shutdown();
    }
}
