package com.acme.array;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ComputeCellClean}'s cell, captured by the {@code compute} callback and also by a thread's task: the
 * thread adds to it while main's callback does, with no join in between. A model that took every array a
 * compute callback captures for one only its own thread can touch would miss this race.
 */
public final class ComputeCellRacy {
    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
        int[] cell = new int[1];
        Thread helper = new Thread(() -> cell[0] += 1, "helper");
        helper.start();
        counts.compute("w", (w, n) -> {
            cell[0] += 10;
            return cell[0];
        });
        helper.join();
    }
}
