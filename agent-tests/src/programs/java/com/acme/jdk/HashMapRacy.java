package com.acme.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two pool tasks put into one plain {@code HashMap}: {@code put} vs {@code put}. The barrier only makes sure
 * the two tasks run on two pool threads at once; it orders what comes before it, not the puts after it.
 */
public final class HashMapRacy {

    public static void main(String[] args) throws Exception {
        Map<String, Integer> map = new HashMap<>();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> fill(map, together, "a"));
            Future<?> b = pool.submit(() -> fill(map, together, "b"));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        System.out.println("size " + map.size() + " (2000 expected)");
    }

    private static Void fill(Map<String, Integer> map, CyclicBarrier together, String prefix) throws Exception {
        together.await();
        try {
            for (int i = 0; i < 1000; i++) {
                map.put(prefix + i, i);
            }
        } catch (RuntimeException corrupted) {
            // the race's symptom: a resize seen half done
        }
        return null;
    }
}
