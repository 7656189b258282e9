package dev.guarded.agent.internal.detect;

import java.util.Arrays;

/**
 * Finds the {@link VarState} of a location: instance fields by (object identity, field id), static fields by
 * field id, array elements by (array identity, index). Objects are weak keys, so the shadow of a collected
 * object is reclaimed at the next {@link #expunge()}. Lookups of a location seen before are lock-free and do
 * not allocate.
 */
final class ShadowMemory {

    private final WeakIdentityTable<FieldShadow> objects = new WeakIdentityTable<>(null);
    private final WeakIdentityTable<ArrayShadow> arrays = new WeakIdentityTable<>(null);
    private final WeakIdentityTable<ArrayWords> arrayWords = new WeakIdentityTable<>(null);
    private volatile VarState[] statics = new VarState[64];
    /** Racy on purpose: an approximate count is enough to expunge now and then. */
    private int creations;

    VarState field(Object owner, int fieldId) {
        FieldShadow s = objects.get(owner);
        if (s == null) {
            s = objects.createAfterMiss(owner, k -> new FieldShadow());
            created();
        }
        return s.state(fieldId);
    }

    VarState staticField(int fieldId) {
        VarState[] st = statics;
        VarState v = fieldId < st.length ? st[fieldId] : null;
        return v != null ? v : createStatic(fieldId);
    }

    VarState element(Object array, int index) {
        ArrayShadow s = arrays.get(array);
        if (s == null) {
            s = arrays.createAfterMiss(array, k -> new ArrayShadow());
            created();
        }
        return s.state(index);
    }

    /** @return the shadow words of an array's elements (the default mode), created on first use */
    ArrayWords arrayWords(Object array) {
        ArrayWords s = arrayWords.get(array);
        if (s == null) {
            s = arrayWords.createEntryAfterMiss(array, ArrayWords::new);   // the shadow is the table's entry
            created();
        }
        return s;
    }

    /** Every 1024 new shadows, drops those of collected objects (never under a table lock). */
    private void created() {
        if ((++creations & 1023) == 0) {
            expunge();
        }
    }

    void expunge() {
        objects.expunge();
        arrays.expunge();
        arrayWords.expunge();
    }

    /** @return shadowed objects and arrays currently in the tables */
    int trackedObjects() {
        return objects.size() + arrays.size() + arrayWords.size();
    }

    private synchronized VarState createStatic(int fieldId) {
        VarState[] st = statics;
        if (fieldId >= st.length) {
            st = Arrays.copyOf(st, Math.max(fieldId + 1, st.length * 2));
        }
        if (st[fieldId] == null) {
            st[fieldId] = new VarState();
        }
        statics = st;
        return st[fieldId];
    }

    /**
     * The shadows of one object's fields, found by a linear scan of the few fields code touched. Slots are
     * filled in order and the arrays grow by doubling (unused ids are -1), so an object whose fields are
     * first touched one by one allocates its arrays once or twice, not once per field.
     */
    static final class FieldShadow {
        private static final int FIRST_CAPACITY = 4;
        private volatile int[] ids = new int[0];
        private volatile VarState[] states = new VarState[0];
        /**
         * The stale-write logs of the object's fields ({@link Flows}), a list by field id; created under this
         * monitor, read without it.
         */
        volatile Flows.Location flowLocations;

        VarState state(int fieldId) {
            int[] id = ids;
            for (int i = 0; i < id.length; i++) {
                int k = id[i];
                if (k == fieldId) {
                    VarState[] st = states;
                    VarState v = i < st.length ? st[i] : null;
                    if (v != null) {
                        return v;
                    }
                    break;
                }
                if (k < 0) {
                    break;
                }
            }
            return add(fieldId);
        }

        /**
         * Under the monitor: finds or appends. A lock-free reader that sees the new id before its state (plain
         * array stores) lands here too; growing publishes {@code states} before {@code ids}.
         */
        private synchronized VarState add(int fieldId) {
            int[] id = ids;
            VarState[] st = states;
            int n = 0;
            while (n < id.length && id[n] >= 0) {
                if (id[n] == fieldId) {
                    return st[n];
                }
                n++;
            }
            VarState v = new VarState();
            if (n < id.length) {
                st[n] = v;
                id[n] = fieldId;
                ids = id;
                return v;
            }
            int capacity = Math.max(FIRST_CAPACITY, id.length * 2);
            VarState[] nst = Arrays.copyOf(st, capacity);
            int[] nid = Arrays.copyOf(id, capacity);
            Arrays.fill(nid, n + 1, capacity, -1);
            nst[n] = v;
            nid[n] = fieldId;
            states = nst;
            ids = nid;
            return v;
        }
    }

    /** The shadows of one array's elements, in lazily allocated pages of 256. */
    static final class ArrayShadow {
        private static final int PAGE_BITS = 8;
        private volatile VarState[][] pages = new VarState[1][];

        VarState state(int index) {
            VarState[][] p = pages;
            int page = index >>> PAGE_BITS;
            if (page < p.length) {
                VarState[] entries = p[page];
                if (entries != null) {
                    VarState v = entries[index & ((1 << PAGE_BITS) - 1)];
                    if (v != null) {
                        return v;
                    }
                }
            }
            return create(index);
        }

        private synchronized VarState create(int index) {
            int page = index >>> PAGE_BITS;
            VarState[][] p = pages;
            if (page >= p.length) {
                p = Arrays.copyOf(p, Math.max(page + 1, p.length * 2));
            }
            if (p[page] == null) {
                p[page] = new VarState[1 << PAGE_BITS];
            }
            VarState[] entries = p[page];
            int slot = index & ((1 << PAGE_BITS) - 1);
            if (entries[slot] == null) {
                entries[slot] = new VarState();
            }
            pages = p;
            return entries[slot];
        }
    }
}
