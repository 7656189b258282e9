package com.acme.fj;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * A RecursiveTask sums a range with fork/join; each task also stores its sum in a plain field, and a parent
 * reads its forked child's field after {@code join()}.
 */
public final class RecursiveTaskClean {
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
            if (to - from <= 1000) {
                long s = 0;
                for (int i = from; i < to; i++) {
                    s += i;
                }
                partial = s;
                return s;
            }
            int mid = (from + to) >>> 1;
            Sum left = new Sum(from, mid);
            Sum right = new Sum(mid, to);
            left.fork();
            right.compute();
            left.join();
            partial = left.partial + right.partial;
            return partial;
        }
    }

    public static void main(String[] args) {
        ForkJoinPool pool = new ForkJoinPool(4);
        Sum root = new Sum(0, 64_000);
        pool.invoke(root);
        long expected = 64_000L * 63_999L / 2;
        if (root.partial != expected) {
            throw new AssertionError("partial=" + root.partial);
        }
        pool.shutdown();
    }
}
