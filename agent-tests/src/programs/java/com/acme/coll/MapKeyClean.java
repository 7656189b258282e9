package com.acme.coll;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A key stored in a {@code ConcurrentHashMap} by one thread, found by another thread's {@code get(equalKey)}:
 * the map's {@code equals} call reads the stored key's plain fields, which the insertion published.
 */
public final class MapKeyClean {
    static final class Key {
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
    }

    static final ConcurrentHashMap<Key, String> MAP = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Thread producer = new Thread(() -> MAP.put(new Key(1, "k"), "found"), "producer");
        producer.start();
        String value;
        while ((value = MAP.get(new Key(1, "k"))) == null) {
            Thread.onSpinWait();
        }
        if (!value.equals("found")) {
            throw new AssertionError(value);
        }
        producer.join();
    }
}
