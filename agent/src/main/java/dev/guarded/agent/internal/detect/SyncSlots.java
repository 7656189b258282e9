package dev.guarded.agent.internal.detect;

import java.util.Set;

/**
 * The sync slot of instrumented objects: the reference field {@code guarded$sync} that the topmost class with
 * words of a hierarchy declares (see the instrumenter's {@code ShadowWords}), where the object's {@link SyncNode}
 * lives instead of in the weak identity table. A lookup is the class's slot offset (a {@code ClassValue}) and
 * one volatile load from the object itself: no identity hash, no chain walk, no weak reference per object, and
 * the node goes with the object when it is collected.
 *
 * <p>An object's node is in its slot or in the table, never both: which one depends only on the object's class,
 * so every lookup of one object agrees.
 *
 * <p>Of the JDK's classes, only {@link #JDK_CLASSES} get the slot (the instrumenter's {@code JdkSyncSlots}, when
 * they are first loaded): objects made by the million and synchronized on once or twice each.
 */
public final class SyncSlots {

    /**
     * The JDK classes given a sync slot at load: futures and tasks (a completion stage is a task too), created
     * per submitted or chained piece of work and collected soon after, which in the table would each cost an
     * entry that outlives them by a collection.
     */
    public static final Set<String> JDK_CLASSES = Set.of("java.util.concurrent.CompletableFuture",
            "java.util.concurrent.ForkJoinTask", "java.util.concurrent.FutureTask");

    /** No slot in this class or its superclasses. */
    static final long NONE = -1;

    private static final boolean SUPPORTED = WordShadow.supported();

    private static final ClassValue<Long> OFFSETS = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.getClassLoader() == null && !JDK_CLASSES.contains(c.getName())) {
                    continue;   // a boot class the instrumenter leaves as it is (a slot may be further up)
                }
                try {
                    // Unsafe's lookup by name: no reflection objects, no loading of the fields' types
                    return WordShadow.Words.offset(c, "guarded$sync");
                } catch (RuntimeException | InternalError e) {
                    // not declared here (Unsafe's signal), or a class whose fields Unsafe refuses (a record,
                    // a hidden class): look further up
                }
            }
            return NONE;
        }
    };

    private SyncSlots() {
    }

    /** @return the offset of {@code key}'s sync slot, or {@link #NONE} (arrays, JDK objects, uninstrumented classes) */
    static long offset(Object key) {
        return SUPPORTED ? OFFSETS.get(key.getClass()) : NONE;
    }

    /**
     * @param slot   the slot's offset in {@code key}, from {@link #offset}
     * @param create whether to install a node when the slot is empty
     * @return the node in the slot (the one installed first when threads race to create it), or null
     */
    static SyncNode node(Object key, long slot, boolean create) {
        SyncNode node = (SyncNode) WordShadow.Words.getReference(key, slot);
        if (node != null || !create) {
            return node;
        }
        SyncNode fresh = new SyncNode();
        return WordShadow.Words.casReference(key, slot, null, fresh) ? fresh
                : (SyncNode) WordShadow.Words.getReference(key, slot);
    }
}
