package com.acme.fj;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/** {@link RecursiveActionClean} started with {@code execute} instead of {@code invoke}: main reads too early. */
public final class RecursiveActionRacy {
    static final class Fill extends RecursiveAction {
        private final int[] out;
        private final int from;
        private final int to;

        Fill(int[] out, int from, int to) {
            this.out = out;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from <= 256) {
                for (int i = from; i < to; i++) {
                    out[i] = i * 2;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Fill(out, from, mid), new Fill(out, mid, to));
        }
    }

    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(4);
        int[] out = new int[4096];
        Fill root = new Fill(out, 0, out.length);
        pool.execute(root);
        Thread.sleep(50);
        int seen = out[7];
        root.join();
        pool.shutdown();
        if (seen == -1) {
            throw new AssertionError();
        }
    }
}
