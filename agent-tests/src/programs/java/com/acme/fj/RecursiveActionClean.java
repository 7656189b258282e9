package com.acme.fj;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/** A RecursiveAction fills an array with invokeAll; main reads the array after {@code pool.invoke}. */
public final class RecursiveActionClean {
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

    public static void main(String[] args) {
        ForkJoinPool pool = new ForkJoinPool(4);
        int[] out = new int[4096];
        pool.invoke(new Fill(out, 0, out.length));
        for (int i = 0; i < out.length; i++) {
            if (out[i] != i * 2) {
                throw new AssertionError("out[" + i + "]=" + out[i]);
            }
        }
        pool.shutdown();
    }
}
