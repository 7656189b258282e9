package com.acme.array;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code merge} callback reads its second argument, an array another thread filled: that thread is joined
 * before the merge, so the read is ordered after its write.
 */
public final class MergeArgumentClean {
    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, int[]> totals = new ConcurrentHashMap<>();
        totals.put("k", new int[1]);
        int[] delta = new int[1];
        Thread helper = new Thread(() -> delta[0] = 5, "helper");
        helper.start();
        helper.join();
        int[] merged = totals.merge("k", delta, (old, add) -> {
            old[0] += add[0];
            return old;
        });
        if (merged[0] != 5) {
            throw new AssertionError("merged " + merged[0]);
        }
    }
}
