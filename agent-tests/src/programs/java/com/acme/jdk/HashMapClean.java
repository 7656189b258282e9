package com.acme.jdk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link HashMapRacy} with the concurrent replacement, {@code ConcurrentHashMap}. */
public final class HashMapClean {

    public static void main(String[] args) throws Exception {
        Map<String, Integer> map = new ConcurrentHashMap<>();
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
        if (map.size() != 2000) {
            throw new AssertionError("size " + map.size());
        }
    }

    private static Void fill(Map<String, Integer> map, CyclicBarrier together, String prefix) throws Exception {
        together.await();
        for (int i = 0; i < 1000; i++) {
            map.put(prefix + i, i);
        }
        return null;
    }
}
