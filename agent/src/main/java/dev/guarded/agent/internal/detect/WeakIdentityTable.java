package dev.guarded.agent.internal.detect;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A concurrent map from object identity to detector state that never keeps its keys alive. Lookups are
 * lock-free and allocation-free, and a lookup of a key whose insertion happened-before it always finds it,
 * also while the key's segment resizes.
 *
 * <p>Reclaiming entries of collected keys, two ways. A table with a removal callback (the thread registry:
 * a thread's slot is reused once its {@code Thread} is gone) registers its entries with a reference queue;
 * {@link #expunge()} and every insertion drain it and hand the values to the callback. A table without one
 * (sync nodes, shadows: most keys are short-lived futures, tasks and arrays) does not: enqueueing costs the
 * reference handler thread a monitor and a {@code notifyAll} per collected key, and the inserting thread a
 * queue poll, a third of the detector's time on a future-heavy pipeline. Its segments instead unlink the
 * entries whose keys are cleared when they fill up, and grow only if at least half of their entries are live
 * after that sweep, so a segment is swept at most once per quarter of its capacity in insertions and stays
 * bounded by its live keys. A segment also sweeps at its first insertion after each garbage collection
 * ({@link GcCycles}): an unlinked entry's value dies in the next collection, where one left in the table would
 * be promoted and kept until the segment fills (with sync clocks as values, most of a future-heavy pipeline's
 * heap, and most of its time spent collecting it).
 *
 * <p>Resizing without losing readers: each entry has two chain links, and a segment's tables alternate
 * between them (tables of 2^even buckets chain through {@code link0}, of 2^odd through {@code link1}). A resize
 * builds the new table's chains in the links the current table does not use, so a reader walking the current
 * table is never disturbed; only a reader still walking the table before that can be, and it notices: after
 * a miss it re-reads the segment's table and retries if it changed. Entries are never copied (they are weak
 * references registered with the queue); the price is one reference field per entry.
 *
 * <p>Memory ordering: a value inserted by {@link #getOrCreate} or {@link #putIfAbsent} is fully constructed
 * before any thread's {@link #get} can return it (the segment table is republished through a volatile
 * write after every insertion).
 */
final class WeakIdentityTable<V> {

    private static final int SEGMENT_BITS = 5;
    private static final int INITIAL_CAPACITY = 8;
    /** Steps between checks, in a long chain walk, that the walked table is still the current one. */
    private static final int STALE_CHECK = 32;
    /** Below this many entries a segment does not sweep after a collection: too little to free. */
    private static final int SWEEP_AFTER_GC_MIN = 16;

    private final Segment<V>[] segments;
    private final int segmentShift;
    /** Where collected entries are announced; null when the table sweeps instead (no removal callback). */
    private final ReferenceQueue<Object> queue;
    private final Consumer<V> onRemove;

    WeakIdentityTable(Consumer<V> onRemove) {
        this(onRemove, SEGMENT_BITS, INITIAL_CAPACITY);
    }

    /**
     * A table with {@code 2^segmentBits} lock stripes of {@code initialCapacity} buckets each; tests use tiny
     * ones so that a few insertions already resize.
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
    WeakIdentityTable(Consumer<V> onRemove, int segmentBits, int initialCapacity) {
        if (segmentBits < 1 || segmentBits > 16 || initialCapacity < 2 || Integer.bitCount(initialCapacity) != 1) {
            throw new IllegalArgumentException("segmentBits " + segmentBits + ", initialCapacity " + initialCapacity);
        }
        this.onRemove = onRemove;
        this.queue = onRemove == null ? null : new ReferenceQueue<>();
        this.segmentShift = 32 - segmentBits;
        segments = new Segment[1 << segmentBits];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment<>(initialCapacity);
        }
    }

    /** @return the value for {@code key}, or null */
    V get(Object key) {
        int h = System.identityHashCode(key);
        Segment<V> s = segment(h);
        Entry<V>[] tab = s.table;
        while (true) {
            V v = find(tab, h, key, s);
            if (v != null) {
                return v;
            }
            // A miss is final only if no resize published a new table meanwhile (this one's chains were intact).
            Entry<V>[] now = s.table;
            if (now == tab) {
                return null;
            }
            tab = now;
        }
    }

    /**
     * Walks one chain of {@code tab}. A walk of a table that is no longer current may meet links that a later
     * resize is rewriting; it gives up (null) after {@link #STALE_CHECK} steps when the table changed, so it
     * can neither loop nor wait on the writer.
     */
    private static <V> V find(Entry<V>[] tab, int h, Object key, Segment<V> s) {
        boolean odd = oddGeneration(tab);
        int steps = 0;
        for (Entry<V> e = tab[h & (tab.length - 1)]; e != null; e = odd ? e.link1 : e.link0) {
            // The hash first: a miss then never loads the referent, and refersTo neither keeps it alive (no
            // read barrier of get()) nor allocates.
            if (e.hash == h && e.refersTo(key)) {
                return e.value;
            }
            if (++steps % STALE_CHECK == 0 && s.table != tab) {
                return null;
            }
        }
        return null;
    }

    /** @return whether {@code tab} chains through {@code link1}: its length is an odd power of two */
    private static boolean oddGeneration(Entry<?>[] tab) {
        return (tab.length & 0xAAAAAAAA) != 0;
    }

    /** @return the value for {@code key}, created by {@code factory} (under the segment's monitor) if absent */
    V getOrCreate(Object key, Function<Object, V> factory) {
        V v = get(key);
        return v != null ? v : insert(key, null, factory, null);
    }

    /**
     * As {@link #getOrCreate}, for a caller whose own {@link #get} just missed: goes straight to the locked
     * insertion, which looks again, instead of walking the chain once more without the lock first.
     */
    V createAfterMiss(Object key, Function<Object, V> factory) {
        return insert(key, null, factory, null);
    }

    /** @return the value now mapped: {@code value} if the key was absent, else the existing one */
    V putIfAbsent(Object key, V value) {
        return insert(key, value, null, null);
    }

    /**
     * As {@link #createAfterMiss}, for a table whose values are their own entries ({@link Entry#Entry(Object,
     * int)}): one object per key instead of an entry and a value. Only for a table without a removal callback,
     * whose entries are not queued.
     *
     * @return the value for {@code key}: the existing entry, or the one {@code entries} made (under the segment's
     *         monitor)
     */
    V createEntryAfterMiss(Object key, EntryFactory<V> entries) {
        if (queue != null) {
            throw new IllegalStateException("a table with a removal callback queues its entries; it cannot take "
                    + "entries made elsewhere");
        }
        return insert(key, null, null, entries);
    }

    /** Makes the entry, and with it the value, of a key in a table whose values are their own entries. */
    interface EntryFactory<V> {
        /** @return a new entry for {@code key}, whose identity hash is {@code hash} */
        Entry<V> create(Object key, int hash);
    }

    /**
     * Removes entries whose keys were garbage-collected and passes their values to the callback. A table
     * without a callback has nothing to do here: its segments sweep themselves as they fill up.
     */
    void expunge() {
        if (queue == null) {
            return;
        }
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

    /** Inserts {@code value}, or the value {@code factory} makes, or the entry {@code entries} makes. */
    private V insert(Object key, V value, Function<Object, V> factory, EntryFactory<V> entries) {
        // Before taking a segment monitor: expunging takes other segments' monitors, one at a time.
        expunge();
        int h = System.identityHashCode(key);
        Segment<V> s = segment(h);
        synchronized (s) {
            Entry<V>[] tab = s.table;
            int i = h & (tab.length - 1);
            boolean odd = oddGeneration(tab);
            for (Entry<V> e = tab[i]; e != null; e = e.next(odd)) {
                if (e.hash == h && e.refersTo(key)) {
                    return e.value;
                }
            }
            Entry<V> e;
            V v;
            if (entries != null) {
                e = entries.create(key, h);
                v = e.value;
            } else {
                v = value != null ? value : factory.apply(key);
                e = new Entry<>(key, h, v, queue);
            }
            if (queue == null && s.count >= SWEEP_AFTER_GC_MIN) {
                int cycle = GcCycles.current();
                if (cycle != s.sweptCycle) {
                    s.sweptCycle = cycle;
                    s.sweep();
                }
            }
            if (s.count >= tab.length - (tab.length >> 2)) {
                if (queue != null || s.sweep() >= tab.length >> 1) {
                    tab = s.resize();
                }
                i = h & (tab.length - 1);
            }
            e.setNext(oddGeneration(tab), tab[i]);
            tab[i] = e;
            s.count++;
            s.table = tab;
            return v;
        }
    }

    private Segment<V> segment(int h) {
        return segments[(h * 0x9E3779B9) >>> segmentShift];
    }

    /**
     * A weak key with its value and two chain links, one per table generation parity; links are written only
     * under the segment's monitor, and read by lock-free walks (volatile: a walk that sees a resize's write
     * then sees the segment's new table too). A subclass may be its own value ({@link #createEntryAfterMiss}).
     */
    static class Entry<V> extends WeakReference<Object> {
        final int hash;
        final V value;
        volatile Entry<V> link0;
        volatile Entry<V> link1;

        private Entry(Object key, int hash, V value, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
        }

        /** An entry that is its own value: {@code this} must be a {@code V}. */
        @SuppressWarnings("unchecked") // the subclass is the table's value type, see createEntryAfterMiss
        Entry(Object key, int hash) {
            super(key);
            this.hash = hash;
            this.value = (V) this;
        }

        Entry<V> next(boolean odd) {
            return odd ? link1 : link0;
        }

        void setNext(boolean odd, Entry<V> next) {
            if (odd) {
                link1 = next;
            } else {
                link0 = next;
            }
        }
    }

    /** One lock stripe: a chained hash table. */
    private static final class Segment<V> {
        volatile Entry<V>[] table;
        int count;
        /** The {@link GcCycles#current() collection cycle} this segment last swept in (monitor-guarded). */
        int sweptCycle;

        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
        Segment(int capacity) {
            table = new Entry[capacity];
        }

        /**
         * Chains every entry into a table twice as large through the links the current table does not use,
         * then publishes it: readers of the current table are undisturbed while this runs.
         */
        Entry<V>[] resize() {
            Entry<V>[] old = table;
            boolean oldOdd = oddGeneration(old);
            @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
            Entry<V>[] tab = new Entry[old.length * 2];
            for (Entry<V> head : old) {
                for (Entry<V> e = head; e != null; e = e.next(oldOdd)) {
                    int i = e.hash & (tab.length - 1);
                    e.setNext(!oldOdd, tab[i]);
                    tab[i] = e;
                }
            }
            table = tab;
            return tab;
        }

        /**
         * Unlinks the entries whose keys were collected, in place (as {@link #remove} does, so that readers
         * are undisturbed); called with the segment's monitor held.
         *
         * @return the number of entries left
         */
        int sweep() {
            Entry<V>[] tab = table;
            boolean odd = oddGeneration(tab);
            for (int i = 0; i < tab.length; i++) {
                Entry<V> prev = null;
                for (Entry<V> e = tab[i]; e != null; e = e.next(odd)) {
                    if (e.refersTo(null)) {
                        if (prev == null) {
                            tab[i] = e.next(odd);
                        } else {
                            prev.setNext(odd, e.next(odd));
                        }
                        count--;
                    } else {
                        prev = e;
                    }
                }
            }
            table = tab;
            return count;
        }

        synchronized boolean remove(Entry<V> target) {
            Entry<V>[] tab = table;
            boolean odd = oddGeneration(tab);
            int i = target.hash & (tab.length - 1);
            Entry<V> prev = null;
            for (Entry<V> e = tab[i]; e != null; e = e.next(odd)) {
                if (e == target) {
                    // Unlinking in place is safe for readers: one at e still follows e's own link.
                    if (prev == null) {
                        tab[i] = e.next(odd);
                    } else {
                        prev.setNext(odd, e.next(odd));
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
