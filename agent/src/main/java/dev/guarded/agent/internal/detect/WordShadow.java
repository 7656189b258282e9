package dev.guarded.agent.internal.detect;

import dev.guarded.agent.internal.meta.FieldInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicLong;
import dev.guarded.agent.internal.meta.Metadata;

/**
 * FastTrack's state of plain instance fields kept in shadow words inside the objects themselves (declared by
 * the instrumenter, see {@code internal.instrument.ShadowWords}): per field a write word (last-write epoch),
 * a read word (last-read epoch, or a {@link #newReadMark read mark} when genuinely concurrent reads are kept
 * in a {@link ReadSet}) and a sites word (the sites of those two accesses, write site in the high half). Threads
 * of past accesses are found from their epochs ({@link ThreadRegistry#infoOf}) and their locks from the
 * thread's lock log ({@link ThreadInfo#locksAt}), so a location costs 24 bytes in its object and nothing
 * else until its reads become shared; no weak reference, no side table, no per-location object.
 *
 * <p>Instrumented code answers the same-epoch cases without calling here. What reaches this class runs
 * the FastTrack rule under the location's own lock: a bit of its write word ({@link #LOCKED}, never set in an
 * epoch), taken by compare-and-set, held for a few word updates and never while calling out. A monitor
 * chosen by identity hash and field cost a hash (a call into the VM for an object never hashed before) and
 * two atomic updates of a lock object on another cache line, which moved between the cores of a producer and
 * a consumer at every message; the write word is on the line the access needs anyway. Array pages keep a
 * monitor: the page is the detector's own object. The words are read and written with
 * {@code jdk.internal.misc.Unsafe} at offsets found once per field.
 */
final class WordShadow {

    /**
     * An array element's read word while its reads are in a {@link ReadSet}: never equal to a real epoch. A
     * field's read word holds a {@link #newReadMark read mark} instead; both are negative ({@link #shared}).
     */
    static final long READ_SHARED = -1L;
    /** Read marks handed out so far, see {@link #newReadMark}. */
    private static final AtomicLong READ_MARKS = new AtomicLong();
    /**
     * The lock bit of a field's write word: an epoch's counter has 40 bits and would need 2^39 releases to
     * reach it. The inline write check compares the whole word with the thread's epoch, so a locked word
     * sends a write to the slow path, which waits for the lock.
     */
    static final long LOCKED = Long.MIN_VALUE;
    /** Busy-wait rounds before a waiter yields its processor to the holder (which may not be running). */
    private static final int SPINS = 64;
    /**
     * Yields after which a waiter takes the lock anyway: a word can only stay locked without a holder in a
     * copy of an object that something copied field by field (reflection, {@code Unsafe}) while the original
     * was locked. A holder runs a few word updates, so this many yields of the waiter mean no holder.
     */
    private static final int YIELDS = 10_000;
    /** Where element 0 of a {@code long[]} is, for the words of array pages. */
    static final long LONG_ARRAY_BASE = supported() ? Words.LONG_ARRAY_BASE : 16;

    private final Metadata metadata;
    private final ThreadRegistry registry;
    private volatile Layout[] layouts = new Layout[64];

    /** Where one field's words are: the class declaring them and the offsets of the three words and the side slot. */
    record Layout(Class<?> declaring, long write, long read, long sites, long side) {
    }

    WordShadow(Metadata metadata, ThreadRegistry registry) {
        this.metadata = metadata;
        this.registry = registry;
    }

    /** @return whether the words of arbitrary classes can be reached (the agent opened jdk.internal.misc) */
    static boolean supported() {
        try {
            return Words.GET_LONG != null;
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * @return where field {@code fieldId}'s words are in {@code owner}, or null when that object has none (a
     *     class of the same name from another loader without words, an unexpected layout)
     */
    Layout layout(Object owner, int fieldId) {
        Layout[] all = layouts;
        Layout l = fieldId < all.length ? all[fieldId] : null;
        if (l != null && l.declaring.isInstance(owner)) {
            return l;
        }
        return resolve(owner, fieldId, l == null);
    }

    private Layout resolve(Object owner, int fieldId, boolean cache) {
        FieldInfo info = metadata.fieldById(fieldId);
        if (info == null) {
            return null;
        }
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(info.owner())) {
                Layout l = offsets(c, info.name());
                if (l != null && cache) {
                    publish(fieldId, l);
                }
                return l;
            }
        }
        return null;
    }

    private static Layout offsets(Class<?> declaring, String field) {
        try {
            return new Layout(declaring, Words.offset(declaring, "guarded$w$" + field),
                    Words.offset(declaring, "guarded$r$" + field),
                    Words.offset(declaring, "guarded$s$" + field),
                    Words.offset(declaring, "guarded$side"));
        } catch (RuntimeException | InternalError e) {
            return null; // no such words: the caller falls back to the side tables
        }
    }

    private synchronized void publish(int fieldId, Layout l) {
        Layout[] all = layouts;
        if (fieldId >= all.length) {
            all = java.util.Arrays.copyOf(all, Math.max(fieldId + 1, all.length * 2));
        }
        all[fieldId] = l;
        layouts = all;
    }

    /** FastTrack's read rule on a field's words. @return the conflicting earlier write, or null */
    Conflict read(ThreadState t, Object owner, Layout l, int fieldId, int site) {
        lock(owner, l.write);
        try {
            return read(t, owner, l.write, l.read, l.sites, null, l, fieldId, site);
        } finally {
            unlock(owner, l.write);
        }
    }

    /** FastTrack's write rule on a field's words. @return the conflicting earlier write or read, or null */
    Conflict write(ThreadState t, Object owner, Layout l, int fieldId, int site) {
        lock(owner, l.write);
        try {
            return write(t, owner, l.write, l.read, l.sites, null, l, fieldId, site);
        } finally {
            unlock(owner, l.write);
        }
    }

    /** Takes the lock bit of the write word at {@code wOff}, waiting while another thread holds it. */
    static void lock(Object owner, long wOff) {
        int rounds = 0;
        while (true) {
            long w = Words.getLong(owner, wOff);
            if ((w & LOCKED) == 0) {
                if (Words.casLong(owner, wOff, w, w | LOCKED)) {
                    return;
                }
            } else if (++rounds > SPINS + YIELDS) {
                return;   // no holder: a copy made while the original was locked (see YIELDS); the unlock clears it
            } else if (rounds > SPINS) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Clears the lock bit; the holder's last update of the word stored its new value with the bit set. */
    static void unlock(Object owner, long wOff) {
        Words.putLong(owner, wOff, Words.getLong(owner, wOff) & ~LOCKED);
    }

    /** @return whether a read word says the location's reads are in a read set ({@link #READ_SHARED}, a mark) */
    static boolean shared(long readWord) {
        return readWord < 0;
    }

    /**
     * A field's read word when its reads become shared: a negative value no other field, and no later spell of
     * this field's shared reads, ever holds (a write ends a spell by clearing the read word). A thread that
     * read the field in its current epoch notes the mark ({@code ThreadContext#sharedRead}), and the inline
     * check then answers its further reads in that epoch; a mark that stayed the same would answer a read after
     * another thread's write as if no write had happened. One atomic increment per spell, not per read.
     */
    static long newReadMark() {
        return Long.MIN_VALUE | READ_MARKS.incrementAndGet();
    }

    /** @return whether the element's read word holds {@link #READ_SHARED} (racy read: a hint for caches only) */
    static boolean readShared(long[] page, int index) {
        return Words.getLong(page, ArrayWords.offset(index) + 8) == READ_SHARED;
    }

    /** FastTrack's read rule on an array element's words, in its page. */
    Conflict read(ThreadState t, ArrayWords array, long[] page, int index, int site) {
        long w = ArrayWords.offset(index);
        synchronized (page) {
            return read(t, page, w, w + 8, w + 16, array, null, index, site);
        }
    }

    /** FastTrack's write rule on an array element's words, in its page. */
    Conflict write(ThreadState t, ArrayWords array, long[] page, int index, int site) {
        long w = ArrayWords.offset(index);
        synchronized (page) {
            return write(t, page, w, w + 8, w + 16, array, null, index, site);
        }
    }

    /** What {@link #sparse} returns when the element's page is dense (now or already): run the access there. */
    static final Conflict DENSE = new Conflict(false, false, 0, null, null);

    /**
     * FastTrack's rule on an element of a sparse page ({@link ArrayWords#SPARSE}), in the page's store, under the
     * array shadow's monitor, which guards the store.
     *
     * @return the conflicting earlier access, or null; {@link #DENSE} when the page is dense, the access not made
     */
    Conflict sparse(ThreadState t, ArrayWords array, int index, int site, boolean isWrite) {
        synchronized (array) {
            long[] store = array.sparseStore(index);
            if (store == null) {
                return DENSE;
            }
            long w = ArrayWords.sparseOffset(store, index);
            if (repeat(t, store, w, array, index, isWrite)) {
                // The thread touches this element again in the same epoch (a loop over a few elements): only a
                // dense page lets the inline check answer that, instead of a call per access.
                array.makeDense(index);
                return DENSE;
            }
            return isWrite ? write(t, store, w, w + 8, w + 16, array, null, index, site)
                    : read(t, store, w, w + 8, w + 16, array, null, index, site);
        }
    }

    /** @return whether the element's words already show this access kind by {@code t} in its current epoch */
    private static boolean repeat(ThreadState t, long[] store, long w, ArrayWords array, int index, boolean isWrite) {
        long e = t.epoch;
        if (isWrite) {
            return Words.getLong(store, w) == e;
        }
        long r = Words.getLong(store, w + 8);
        if (r == READ_SHARED) {
            ReadSet rs = array.readSet(index, false);
            return rs != null && rs.epochOf(t.tid) == e;
        }
        return r == e;
    }

    /**
     * The read rule on words at {@code base + offsets}; the read set of a shared location is in the array's
     * shadow ({@code array} non-null, keyed by index) or in the object's side slot (keyed by field). Caller
     * holds the location's monitor.
     */
    private Conflict read(ThreadState t, Object base, long wOff, long rOff, long sOff, ArrayWords array, Layout l,
            int key, int site) {
        long e = t.epoch;
        long w = Words.getLong(base, wOff) & ~LOCKED;
        long r = Words.getLong(base, rOff);
        long s = Words.getLong(base, sOff);
        ReadSet rs = shared(r) ? readSet(base, array, l, key, true) : null;
        if (r == e || (rs != null && rs.epochOf(t.tid) == e)) {
            if (rs != null && array == null) {
                noteSharedRead(t, r);
            }
            return null;   // FastTrack's read-same-epoch rule: this epoch's read was checked already
        }
        Conflict c = null;
        if (w != Epoch.NONE && !t.knows(w)) {
            c = previous(true, w, writeSite(s));
        }
        if (rs != null) {
            rs.put(t, e, site, null, null);
            if (array == null) {
                noteSharedRead(t, r);
            }
        } else if (r == Epoch.NONE || t.knows(r)) {
            Words.putLong(base, sOff, (s & 0xFFFF_FFFF_0000_0000L) | (site & 0xFFFF_FFFFL));
            Words.putLong(base, rOff, e);
        } else {
            ReadSet fresh = readSet(base, array, l, key, true);
            fresh.put(t, r, readSite(s), null, null);
            fresh.put(t, e, site, null, null);
            if (array == null) {
                long mark = newReadMark();
                Words.putLong(base, rOff, mark);
                noteSharedRead(t, mark);
            } else {
                Words.putLong(base, rOff, READ_SHARED);
            }
        }
        return c;
    }

    /**
     * Lets the inline check answer {@code t}'s further reads of a shared field in this epoch: its read set
     * holds {@code t}'s current epoch, and keeps it until a write ends the spell of {@code mark} (no other
     * thread drops an entry of an epoch that is still current, see {@link ReadSet}). Not while the thread's
     * accesses must all reach the detector ({@code accessEpoch} is then no epoch).
     */
    private static void noteSharedRead(ThreadState t, long mark) {
        if (t.accessEpoch == t.epoch) {
            t.sharedRead(mark, t.epoch);
        }
    }

    /** The write rule on words at {@code base + offsets}, as {@link #read(ThreadState, Object, long, long, long, ArrayWords, Layout, int, int)}. */
    private Conflict write(ThreadState t, Object base, long wOff, long rOff, long sOff, ArrayWords array, Layout l,
            int key, int site) {
        long e = t.epoch;
        long word = Words.getLong(base, wOff);
        long w = word & ~LOCKED;
        if (w == e) {
            return null;
        }
        long r = Words.getLong(base, rOff);
        long s = Words.getLong(base, sOff);
        Conflict c = null;
        if (w != Epoch.NONE && !t.knows(w)) {
            c = previous(true, w, writeSite(s));
        } else if (shared(r)) {
            ReadSet rs = readSet(base, array, l, key, false);
            int i = rs == null ? -1 : rs.firstUnordered(t);
            if (i >= 0) {
                c = previous(false, rs.epochAt(i), rs.siteAt(i));
            }
        } else if (r != Epoch.NONE && !t.knows(r)) {
            c = previous(false, r, readSite(s));
        }
        long readSite = s & 0xFFFF_FFFFL;
        if (shared(r)) {
            if (array != null) {
                array.clearReadSet((long[]) base, key);
            } else {
                clear(base, l, key);
            }
            Words.putLong(base, rOff, Epoch.NONE);
            readSite = 0;
        }
        Words.putLong(base, sOff, ((long) site << 32) | readSite);
        Words.putLong(base, wOff, e | (word & LOCKED));   // a field's lock stays held until unlock
        return c;
    }

    private static ReadSet readSet(Object base, ArrayWords array, Layout l, int key, boolean create) {
        return array != null ? array.readSet(key, create) : readSet(base, l, key, create);
    }

    /** The words of every field of a class and its superclasses, for {@link #cloned}. */
    private record CloneLayout(long[] triples, long[] sides) {
    }

    private final ClassValue<CloneLayout> cloneLayouts = new ClassValue<>() {
        @Override
        protected CloneLayout computeValue(Class<?> type) {
            java.util.List<Long> triples = new java.util.ArrayList<>();
            java.util.List<Long> sides = new java.util.ArrayList<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    String name = f.getName();
                    if (name.startsWith("guarded$w$")) {
                        String field = name.substring("guarded$w$".length());
                        triples.add(Words.offset(c, name));
                        triples.add(Words.offset(c, "guarded$r$" + field));
                        triples.add(Words.offset(c, "guarded$s$" + field));
                    } else if (name.equals("guarded$side") || name.equals("guarded$sync")) {
                        sides.add(Words.offset(c, name));
                    }
                }
            }
            return new CloneLayout(triples.stream().mapToLong(Long::longValue).toArray(),
                    sides.stream().mapToLong(Long::longValue).toArray());
        }
    };

    /**
     * A fresh copy made by {@code Object.clone} carries the original's words and side slot: give it its own
     * history instead, every field written by {@code t} at {@code site} (the copy's fields were just written
     * by the cloning thread). The copy is not shared yet, so no monitor is needed.
     *
     * @return whether the copy's class has shadow words at all
     */
    boolean cloned(ThreadState t, Object copy, int site) {
        CloneLayout layout = cloneLayouts.get(copy.getClass());
        long[] triples = layout.triples;
        for (int i = 0; i < triples.length; i += 3) {
            Words.putLong(copy, triples[i], t.epoch);
            Words.putLong(copy, triples[i + 1], Epoch.NONE);
            Words.putLong(copy, triples[i + 2], (long) site << 32);
        }
        for (long side : layout.sides) {
            Words.putReference(copy, side, null);
        }
        return triples.length > 0;
    }

    private Conflict previous(boolean write, long epoch, int site) {
        ThreadInfo info = registry.infoOf(epoch);
        return new Conflict(false, write, site, info, locksAt(info, epoch));
    }

    private static LockRef[] locksAt(ThreadInfo info, long epoch) {
        return info == null ? null : info.locksAt(epoch);
    }

    private static int writeSite(long sites) {
        return (int) (sites >>> 32);
    }

    private static int readSite(long sites) {
        return (int) sites;
    }

    /**
     * The read set lives in the object's side record, created on the first shared read. Caller holds the
     * location's lock.
     */
    private static ReadSet readSet(Object owner, Layout l, int fieldId, boolean create) {
        if (!create && Words.getReference(owner, l.side) == null) {
            return null;
        }
        VarState v = sideRecord(owner, l).state(fieldId);
        if (v.shared == null && create) {
            v.shared = new ReadSet();
        }
        return v.shared;
    }

    /**
     * {@code owner}'s side record, created (by compare-and-set, no lock needed) on first use: it holds what
     * rarely exists beside the words, a field's read set, the fields' stale-write logs.
     */
    static ShadowMemory.FieldShadow sideRecord(Object owner, Layout l) {
        Object side = Words.getReference(owner, l.side);
        if (side == null) {
            Object fresh = new ShadowMemory.FieldShadow();
            side = Words.casReference(owner, l.side, null, fresh) ? fresh
                    : Words.getReference(owner, l.side);
        }
        return (ShadowMemory.FieldShadow) side;
    }

    private static void clear(Object owner, Layout l, int fieldId) {
        Object side = Words.getReference(owner, l.side);
        if (side != null) {
            ((ShadowMemory.FieldShadow) side).state(fieldId).shared = null;
        }
    }

    /**
     * {@code jdk.internal.misc.Unsafe}, reached through constant method handles bound to it: the agent is
     * compiled for Java 17 with {@code --release}, which cannot name a non-exported package, and C2 inlines an
     * {@code invokeExact} of a static final handle like a direct call. Kept in a holder so that a JVM where
     * the agent could not export the package fails here ({@link #supported}), not in the detector.
     */
    static final class Words {
        static final MethodHandle GET_LONG;
        static final MethodHandle PUT_LONG;
        static final MethodHandle GET_REFERENCE;
        static final MethodHandle PUT_REFERENCE;
        static final MethodHandle CAS_REFERENCE;
        static final MethodHandle CAS_LONG;
        static final MethodHandle OFFSET;
        static final long LONG_ARRAY_BASE;

        static {
            try {
                Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Object unsafe = lookup.findStatic(type, "getUnsafe", MethodType.methodType(type)).invoke();
                GET_LONG = lookup.findVirtual(type, "getLongVolatile",
                        MethodType.methodType(long.class, Object.class, long.class)).bindTo(unsafe);
                PUT_LONG = lookup.findVirtual(type, "putLongVolatile",
                        MethodType.methodType(void.class, Object.class, long.class, long.class)).bindTo(unsafe);
                GET_REFERENCE = lookup.findVirtual(type, "getReferenceVolatile",
                        MethodType.methodType(Object.class, Object.class, long.class)).bindTo(unsafe);
                PUT_REFERENCE = lookup.findVirtual(type, "putReferenceVolatile",
                        MethodType.methodType(void.class, Object.class, long.class, Object.class)).bindTo(unsafe);
                CAS_REFERENCE = lookup.findVirtual(type, "compareAndSetReference", MethodType.methodType(
                        boolean.class, Object.class, long.class, Object.class, Object.class)).bindTo(unsafe);
                CAS_LONG = lookup.findVirtual(type, "compareAndSetLong", MethodType.methodType(
                        boolean.class, Object.class, long.class, long.class, long.class)).bindTo(unsafe);
                OFFSET = lookup.findVirtual(type, "objectFieldOffset",
                        MethodType.methodType(long.class, Class.class, String.class)).bindTo(unsafe);
                // int on JDK 17, long on later JDKs: find it by name and widen whatever comes back
                MethodHandle base = null;
                for (Class<?> result : new Class<?>[] {long.class, int.class}) {
                    try {
                        base = lookup.findVirtual(type, "arrayBaseOffset", MethodType.methodType(result, Class.class));
                        break;
                    } catch (NoSuchMethodException e) {
                        // try the other width
                    }
                }
                if (base == null) {
                    throw new NoSuchMethodException("Unsafe.arrayBaseOffset");
                }
                LONG_ARRAY_BASE = ((Number) base.bindTo(unsafe).invoke(long[].class)).longValue();
            } catch (Throwable e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static long getLong(Object o, long offset) {
            try {
                return (long) GET_LONG.invokeExact(o, offset);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        static void putLong(Object o, long offset, long value) {
            try {
                PUT_LONG.invokeExact(o, offset, value);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        static Object getReference(Object o, long offset) {
            try {
                return (Object) GET_REFERENCE.invokeExact(o, offset);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        static void putReference(Object o, long offset, Object value) {
            try {
                PUT_REFERENCE.invokeExact(o, offset, value);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        static boolean casReference(Object o, long offset, Object expected, Object value) {
            try {
                return (boolean) CAS_REFERENCE.invokeExact(o, offset, expected, value);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        static boolean casLong(Object o, long offset, long expected, long value) {
            try {
                return (boolean) CAS_LONG.invokeExact(o, offset, expected, value);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** @throws InternalError when the class declares no such field (Unsafe's own signal) */
        static long offset(Class<?> declaring, String field) {
            try {
                return (long) OFFSET.invokeExact(declaring, field);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
