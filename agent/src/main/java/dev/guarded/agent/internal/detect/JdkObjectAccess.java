package dev.guarded.agent.internal.detect;

import java.lang.ref.WeakReference;
import java.util.Set;

/**
 * Calls on the JDK's non-thread-safe objects ({@code HashMap}, {@code ArrayList}, {@code StringBuilder},
 * {@code SimpleDateFormat}, {@code Matcher}...) as accesses to one shared location per object: its abstract
 * state, shadowed as a pseudo field ({@link #FIELD_ID}) of the object on the weak-table path of
 * {@link ShadowMemory#field}, so FastTrack, locksets and reports are those of fields. The instrumenter knows
 * only the call's static type ({@code List.add}); the receiver's class decides here, once per class through a
 * {@link ClassValue}, whether the call counts:
 * <ul>
 * <li>{@link Kind#OBJECT}: a covered class, or a JDK subclass of one; the receiver itself is the location.
 * <li>{@link Kind#OBJECT_OR_VIEW}: {@code TreeSet}, whose range views ({@code headSet}, {@code subSet},
 *     {@code descendingSet}...) are themselves {@code TreeSet}s: the backing set when one was recorded, else
 *     the receiver.
 * <li>{@link Kind#VIEW}: a view or iterator class of a covered class ({@code HashMap$KeySet},
 *     {@code ArrayList$Itr}); the location is the backing object recorded when application code obtained the
 *     view ({@link #viewCreated}). Views obtained inside the JDK or by uninstrumented code are unknown and
 *     their calls are not counted.
 * <li>{@link Kind#READ_ONLY_VIEW}: {@code Collections.unmodifiableX} wrappers; every call is a read of the
 *     backing object.
 * <li>{@link Kind#NONE}: everything else, thread-safe classes included ({@code ConcurrentHashMap},
 *     {@code Vector}, {@code StringBuffer}, {@code Collections.synchronizedX}, immutable collections) and
 *     application subclasses of covered classes, which may add their own synchronization.
 * </ul>
 */
final class JdkObjectAccess {

    /** The pseudo field id of an object's abstract state; never handed out by the metadata registry. */
    static final int FIELD_ID = Integer.MAX_VALUE;

    /** What a call on an instance of a class means. */
    enum Kind { NONE, OBJECT, OBJECT_OR_VIEW, VIEW, READ_ONLY_VIEW }

    /** The covered classes: not thread-safe by their documentation. */
    static final Set<String> COVERED = Set.of(
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.PriorityQueue", "java.util.BitSet", "java.lang.StringBuilder",
            "java.text.SimpleDateFormat", "java.text.DecimalFormat", "java.text.MessageFormat",
            "java.util.regex.Matcher");

    /** Outer classes whose nested classes are views or iterators of a covered object. */
    private static final Set<String> VIEW_OUTERS = Set.of(
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.PriorityQueue", "java.util.AbstractList", "java.util.AbstractMap");

    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            return classify(type);
        }
    };

    /** View or iterator to (a weak reference to) its backing object: a view often is referenced by it. */
    private final WeakIdentityTable<WeakReference<Object>> backing = new WeakIdentityTable<>(null);

    /**
     * @return whether calls on {@code receiver} may count (its class is covered, or a view class); false for
     *         null. Never throws: a class that cannot be classified is not covered.
     */
    static boolean covers(Object receiver) {
        try {
            return receiver != null && KINDS.get(receiver.getClass()) != Kind.NONE;
        } catch (Throwable e) {
            return false;
        }
    }

    /** @return how calls on instances of {@code type} count */
    static Kind kindOf(Class<?> type) {
        return KINDS.get(type);
    }

    /**
     * One call on {@code receiver}: a read or write of its (or its backing object's) state when it is covered.
     * Hot path: one {@code ClassValue} lookup, then the field path's weak-table lookup.
     */
    void access(RaceAnalysis detector, ShadowMemory shadow, ThreadState t, Object receiver, boolean write, int site) {
        if (receiver == null) {
            return;
        }
        Kind kind = KINDS.get(receiver.getClass());
        if (kind == Kind.NONE) {
            return;
        }
        Object target = targetOf(receiver, kind);
        if (target == null) {
            return;
        }
        VarState v = shadow.field(target, FIELD_ID);
        t.callTarget = target;
        try {
            detector.access(t, v, write && kind != Kind.READ_ONLY_VIEW, site, FIELD_ID, null);
        } finally {
            t.callTarget = null;
        }
    }

    /** {@code view} was returned by a call on {@code receiver}: calls on it count against the same object. */
    void viewCreated(Object view, Object receiver) {
        if (view == null || receiver == null || view == receiver) {
            return;
        }
        Object target = targetOf(receiver, KINDS.get(receiver.getClass()));
        Kind viewKind = KINDS.get(view.getClass());
        if (target == null || viewKind == Kind.NONE || viewKind == Kind.OBJECT) {
            return;
        }
        if (backing.get(view) == null) {
            backing.putIfAbsent(view, new WeakReference<>(target));
        }
    }

    /** @return the object whose state a call on {@code receiver} touches, or null when it is not covered */
    Object targetOf(Object receiver) {
        return receiver == null ? null : targetOf(receiver, KINDS.get(receiver.getClass()));
    }

    private Object targetOf(Object receiver, Kind kind) {
        switch (kind) {
            case OBJECT:
                return receiver;
            case OBJECT_OR_VIEW:
                Object backingSet = backingOf(receiver);
                return backingSet != null ? backingSet : receiver;
            case VIEW:
            case READ_ONLY_VIEW:
                return backingOf(receiver);
            default:
                return null;
        }
    }

    private Object backingOf(Object view) {
        WeakReference<Object> ref = backing.get(view);
        return ref == null ? null : ref.get();
    }

    static Kind classify(Class<?> type) {
        if (type.getClassLoader() != null) {
            return Kind.NONE;
        }
        String name = type.getName();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (COVERED.contains(c.getName())) {
                return c == java.util.TreeSet.class ? Kind.OBJECT_OR_VIEW : Kind.OBJECT;
            }
        }
        if (name.startsWith("java.util.ReverseOrder")) {
            return Kind.VIEW; // reversed() of a list or deque (Java 21)
        }
        if (name.startsWith("java.util.Collections$Unmodifiable")) {
            return Kind.READ_ONLY_VIEW;
        }
        int nested = name.indexOf('$');
        if (nested > 0 && VIEW_OUTERS.contains(name.substring(0, nested))) {
            return Kind.VIEW;
        }
        return Kind.NONE;
    }
}
