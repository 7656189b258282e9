package com.acme.array;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MergeArgumentClean} without the join: the callback reads its second argument while the helper still
 * writes it. The callback's own arguments are whatever the caller and the map hand it; a model that took every
 * array parameter of a {@code merge} callback for one only its thread can touch would miss this race.
 */
public final class MergeArgumentRacy {
    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, int[]> totals = new ConcurrentHashMap<>();
        totals.put("k", new int[1]);
        int[] delta = new int[1];
        Thread helper = new Thread(() -> delta[0] = 5, "helper");
        helper.start();
        totals.merge("k", delta, (old, add) -> {
            old[0] += add[0];
            return old;
        });
        helper.join();
    }
}
