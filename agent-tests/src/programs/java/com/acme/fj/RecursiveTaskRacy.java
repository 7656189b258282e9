package com.acme.fj;

import java.util.concurrent.RecursiveTask;

/**
 * {@link RecursiveTaskClean} reading a forked task's field before {@code join()}: main forks the task into
 * the common pool, sleeps, then reads {@code partial}.
 */
public final class RecursiveTaskRacy {
    static final class Sum extends RecursiveTask<Long> {
        private final int from;
        private final int to;
        long partial;

        Sum(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            long s = 0;
            for (int i = from; i < to; i++) {
                s += i;
            }
            partial = s;
            return s;
        }
    }

    public static void main(String[] args) throws Exception {
        Sum task = new Sum(0, 1000);
        task.fork(); // main is not a pool worker: the task goes to the common pool
        Thread.sleep(50);
        long seen = task.partial;
        task.join();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
