package dev.guarded.agent.internal.detect;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A concurrent map from object identity to detector state that never keeps its keys alive. Lookups are
 * lock-free and allocation-free; a miss (also a spurious one while a segment resizes) falls back to the
 * segment's monitor, which only this table's own code ever holds. Entries whose keys were collected are
 * removed by {@link #expunge()}, which hands their values to the removal callback; every insertion expunges
 * first, so a table that only grows (sync keys of short-lived threads, say) stays bounded by its live keys.
 *
 * <p>Memory ordering: a value inserted by {@link #getOrCreate} or {@link #putIfAbsent} is fully constructed
 * before any thread's {@link #get} can return it (the segment table is republished through a volatile
 * write after every insertion).
 */
final class WeakIdentityTable<V> {

    private static final int SEGMENT_BITS = 5;
    private static final int INITIAL_CAPACITY = 8;

    private final Segment<V>[] segments;
    private final int segmentShift;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final Consumer<V> onRemove;

    WeakIdentityTable(Consumer<V> onRemove) {
        this(onRemove, SEGMENT_BITS, INITIAL_CAPACITY);
    }

    /**
     * A table with {@code 2^segmentBits} lock stripes of {@code initialCapacity} buckets each; tests use tiny
     * ones so that a few insertions already resize.
     */
    @SuppressWarnings("unchecked")
    WeakIdentityTable(Consumer<V> onRemove, int segmentBits, int initialCapacity) {
        if (segmentBits < 1 || segmentBits > 16 || initialCapacity < 2 || Integer.bitCount(initialCapacity) != 1) {
            throw new IllegalArgumentException("segmentBits " + segmentBits + ", initialCapacity " + initialCapacity);
        }
        this.onRemove = onRemove;
        this.segmentShift = 32 - segmentBits;
        segments = new Segment[1 << segmentBits];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment<>(initialCapacity);
        }
    }

    /** @return the value for {@code key}, or null */
    V get(Object key) {
        int h = System.identityHashCode(key);
        Entry<V>[] tab = segment(h).table;
        for (Entry<V> e = tab[h & (tab.length - 1)]; e != null; e = e.next) {
            if (e.get() == key) {
                return e.value;
            }
        }
        return null;
    }

    /** @return the value for {@code key}, created by {@code factory} (under the segment's monitor) if absent */
    V getOrCreate(Object key, Function<Object, V> factory) {
        V v = get(key);
        return v != null ? v : insert(key, null, factory);
    }

    /** @return the value now mapped: {@code value} if the key was absent, else the existing one */
    V putIfAbsent(Object key, V value) {
        return insert(key, value, null);
    }

    /** Removes entries whose keys were garbage-collected and passes their values to the callback. */
    void expunge() {
        Reference<?> r;
        while ((r = queue.poll()) != null) {
            @SuppressWarnings("unchecked")
            Entry<V> e = (Entry<V>) r;
            if (segment(e.hash).remove(e) && onRemove != null) {
                onRemove.accept(e.value);
            }
        }
    }

    /** @return the number of live entries (approximate while other threads insert) */
    int size() {
        int n = 0;
        for (Segment<V> s : segments) {
            n += s.count;
        }
        return n;
    }

    private V insert(Object key, V value, Function<Object, V> factory) {
        // Before taking a segment monitor: expunging takes other segments' monitors, one at a time.
        expunge();
        int h = System.identityHashCode(key);
        Segment<V> s = segment(h);
        synchronized (s) {
            Entry<V>[] tab = s.table;
            int i = h & (tab.length - 1);
            for (Entry<V> e = tab[i]; e != null; e = e.next) {
                if (e.get() == key) {
                    return e.value;
                }
            }
            V v = value != null ? value : factory.apply(key);
            if (s.count >= tab.length - (tab.length >> 2)) {
                tab = s.resize();
                i = h & (tab.length - 1);
            }
            Entry<V> e = new Entry<>(key, h, v, queue);
            e.next = tab[i];
            tab[i] = e;
            s.count++;
            s.table = tab;
            return v;
        }
    }

    private Segment<V> segment(int h) {
        return segments[(h * 0x9E3779B9) >>> segmentShift];
    }

    /** A weak key with its value; {@code next} is relinked only under the segment's monitor. */
    private static final class Entry<V> extends WeakReference<Object> {
        final int hash;
        final V value;
        volatile Entry<V> next;

        Entry(Object key, int hash, V value, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
        }
    }

    /** One lock stripe: a chained hash table. */
    private static final class Segment<V> {
        volatile Entry<V>[] table;
        int count;

        @SuppressWarnings("unchecked")
        Segment(int capacity) {
            table = new Entry[capacity];
        }

        /** Relinks every entry into a table twice as large; a concurrent reader may miss and retry locked. */
        Entry<V>[] resize() {
            Entry<V>[] old = table;
            @SuppressWarnings("unchecked")
            Entry<V>[] tab = new Entry[old.length * 2];
            for (Entry<V> head : old) {
                Entry<V> e = head;
                while (e != null) {
                    Entry<V> next = e.next;
                    int i = e.hash & (tab.length - 1);
                    e.next = tab[i];
                    tab[i] = e;
                    e = next;
                }
            }
            table = tab;
            return tab;
        }

        synchronized boolean remove(Entry<V> target) {
            Entry<V>[] tab = table;
            int i = target.hash & (tab.length - 1);
            Entry<V> prev = null;
            for (Entry<V> e = tab[i]; e != null; e = e.next) {
                if (e == target) {
                    if (prev == null) {
                        tab[i] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    count--;
                    table = tab;
                    return true;
                }
                prev = e;
            }
            return false;
        }
    }
}
