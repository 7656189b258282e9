package com.acme.coll;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link MapKeyClean} many times over, with the insertion landing while a lookup is under way: a producer
 * thread inserts a fresh key while the main thread keeps looking an equal key up, through every lookup path
 * of {@code ConcurrentHashMap} (the point lookups and the key and entry iterators) and of
 * {@code ConcurrentSkipListMap} in turn. Whichever lookup meets the stored key compares it with
 * {@code equals}/{@code compareTo}, which read the stored key's plain field; the insertion published it, even
 * when it became visible after the lookup had started. Clean in every schedule.
 */
public final class MapKeyWindowClean {

    static final class Key implements Comparable<Key> {
        final int id;
        String name;

        Key(int id, String name) {
            this.id = id;
            this.name = name;
        }

        @Override
        public int hashCode() {
            return id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.id == id && other.name.equals(name);
        }

        @Override
        public int compareTo(Key other) {
            int byId = Integer.compare(id, other.id);
            return byId != 0 ? byId : name.compareTo(other.name);
        }
    }

    /** Lookup paths, used in turn: each returns the value found for {@code probe}, or null. */
    private static final int PATHS = 9;

    private static final int ROUNDS = 1400;

    public static void main(String[] args) throws Exception {
        AtomicReference<Runnable> jobs = new AtomicReference<>();
        Runnable stop = () -> { };
        Thread producer = new Thread(() -> {
            while (true) {
                Runnable job;
                while ((job = jobs.getAndSet(null)) == null) {
                    Thread.onSpinWait();
                }
                if (job == stop) {
                    return;
                }
                job.run();
            }
        }, "producer");
        producer.start();
        ConcurrentHashMap<Key, String> hash = new ConcurrentHashMap<>();
        ConcurrentSkipListMap<Key, String> sorted = new ConcurrentSkipListMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            int path = round % PATHS;
            ConcurrentMap<Key, String> map = path == PATHS - 1 ? sorted : hash;
            int id = round;
            jobs.set(() -> map.put(new Key(id, "k"), "found"));
            String value;
            long spins = 0;
            while ((value = lookUp(map, path, new Key(id, "k"))) == null) {
                if (++spins > 100_000_000L) {
                    throw new AssertionError("round " + round + ": the key never appeared");
                }
            }
            if (!value.equals("found")) {
                throw new AssertionError(value);
            }
        }
        jobs.set(stop);
        producer.join();
    }

    private static String lookUp(ConcurrentMap<Key, String> map, int path, Key probe) {
        return switch (path) {
            case 0 -> map.get(probe);
            case 1 -> map.containsKey(probe) ? map.get(probe) : null;
            case 2 -> map.getOrDefault(probe, null);
            case 3 -> ((ConcurrentHashMap<Key, String>) map).keySet().contains(probe) ? map.get(probe) : null;
            case 4 -> {
                // Found an equal key: the value stays; absent: this round's "missing" marker goes in, and out.
                String old = map.putIfAbsent(probe, "missing");
                if (old == null) {
                    map.remove(probe, "missing");
                }
                yield old;
            }
            case 5 -> {
                String found = map.computeIfAbsent(probe, k -> "missing");
                if (found.equals("missing")) {
                    map.remove(probe, "missing");
                    yield null;
                }
                yield found;
            }
            case 6 -> {
                for (Key stored : map.keySet()) {
                    if (stored.equals(probe)) {
                        yield map.get(stored);
                    }
                }
                yield null;
            }
            case 7 -> {
                for (Map.Entry<Key, String> entry : map.entrySet()) {
                    if (entry.getKey().equals(probe)) {
                        yield entry.getValue();
                    }
                }
                yield null;
            }
            default -> map.get(probe);
        };
    }

    private MapKeyWindowClean() {
    }
}
