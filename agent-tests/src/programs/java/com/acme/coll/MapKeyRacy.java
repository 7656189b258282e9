package com.acme.coll;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MapKeyClean} with the key mutated after its insertion: the producer finishes the key's name only
 * after {@code put}, so the lookup's {@code equals} reads a field the insertion did not publish.
 */
public final class MapKeyRacy {
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
        Thread producer = new Thread(() -> {
            Key key = new Key(1, "pending");
            MAP.put(key, "found");
            key.name = "k";
        }, "producer");
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
