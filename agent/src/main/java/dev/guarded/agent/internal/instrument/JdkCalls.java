package dev.guarded.agent.internal.instrument;

import java.util.Set;

/**
 * Which calls in application code may touch the state of one of the JDK's non-thread-safe classes, decided
 * from the bytecode alone (owner and method name): the run-time receiver class decides the rest
 * ({@code internal.detect.JdkObjectAccess}). The table in agent/README.md ("Calls on the JDK's
 * non-thread-safe classes") is this class in prose.
 */
final class JdkCalls {

    /** Not a call on a covered JDK object. */
    static final int NONE = 0;
    /** A method that only looks at the receiver's state. */
    static final int READ = 1;
    /** A method that changes the receiver's state. */
    static final int WRITE = 2;

    /**
     * Static types a call on a covered object can name: the classes themselves, the interfaces and abstract
     * classes they implement, and their views' and iterators' interfaces. A call naming anything else
     * (a {@code ConcurrentHashMap} variable, {@code Object.toString}) is never instrumented.
     */
    private static final Set<String> OWNERS = Set.of(
            "java/lang/Iterable", "java/lang/CharSequence", "java/lang/Appendable", "java/lang/StringBuilder",
            "java/util/Collection", "java/util/List", "java/util/Set", "java/util/SortedSet",
            "java/util/NavigableSet", "java/util/Queue", "java/util/Deque", "java/util/Map", "java/util/SortedMap",
            "java/util/NavigableMap", "java/util/SequencedCollection", "java/util/SequencedSet",
            "java/util/SequencedMap", "java/util/Iterator", "java/util/ListIterator",
            "java/util/AbstractCollection", "java/util/AbstractList", "java/util/AbstractSequentialList",
            "java/util/AbstractSet", "java/util/AbstractQueue", "java/util/AbstractMap",
            "java/util/ArrayList", "java/util/LinkedList", "java/util/ArrayDeque", "java/util/HashMap",
            "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/HashSet", "java/util/LinkedHashSet",
            "java/util/TreeSet", "java/util/PriorityQueue", "java/util/BitSet",
            "java/text/Format", "java/text/DateFormat", "java/text/SimpleDateFormat", "java/text/NumberFormat",
            "java/text/DecimalFormat", "java/text/MessageFormat", "java/util/regex/Matcher");

    /** Methods that change the state (besides every {@code set*}, {@code apply*} and {@code use*}). */
    private static final Set<String> WRITES = Set.of(
            // collections, maps, queues, iterators
            "add", "addAll", "addFirst", "addLast", "offer", "offerFirst", "offerLast", "push", "pop", "poll",
            "pollFirst", "pollLast", "pollFirstEntry", "pollLastEntry", "remove", "removeAll", "removeIf",
            "removeFirst", "removeLast", "removeFirstOccurrence", "removeLastOccurrence", "retainAll", "clear",
            "sort", "replaceAll", "put", "putAll", "putIfAbsent", "putFirst", "putLast", "compute",
            "computeIfAbsent", "computeIfPresent", "merge", "replace", "ensureCapacity", "trimToSize",
            // StringBuilder, BitSet
            "append", "appendCodePoint", "insert", "delete", "deleteCharAt", "reverse", "flip", "and", "or", "xor",
            "andNot",
            // formats: formatting and parsing use the format's own calendar / digit list as scratch space
            "format", "formatToCharacterIterator", "parse", "parseObject",
            // Matcher: every match operation moves its position and groups
            "find", "matches", "lookingAt", "reset", "region", "replaceFirst", "appendReplacement", "results");

    /** Methods that only look at the state (besides every {@code get*}, {@code is*} and {@code has*}). */
    private static final Set<String> READS = Set.of(
            "size", "contains", "containsAll", "containsKey", "containsValue", "indexOf", "lastIndexOf",
            "iterator", "listIterator", "descendingIterator", "spliterator", "stream", "parallelStream", "forEach",
            "forEachRemaining", "toArray", "toString", "hashCode", "equals", "clone", "subList", "keySet", "values",
            "entrySet", "navigableKeySet", "descendingKeySet", "descendingMap", "descendingSet", "headMap",
            "tailMap", "subMap", "headSet", "tailSet", "subSet", "reversed", "sequencedKeySet", "sequencedValues",
            "sequencedEntrySet", "firstKey", "lastKey", "first", "last", "firstEntry", "lastEntry", "peek",
            "peekFirst", "peekLast", "element", "ceiling", "floor", "higher", "lower", "ceilingKey", "floorKey",
            "higherKey", "lowerKey", "ceilingEntry", "floorEntry", "higherEntry", "lowerEntry", "comparator",
            "next", "previous", "nextIndex", "previousIndex",
            // StringBuilder, BitSet
            "length", "charAt", "capacity", "substring", "subSequence", "codePointAt", "codePointBefore",
            "codePointCount", "offsetByCodePoints", "chars", "codePoints", "compareTo", "cardinality",
            "nextSetBit", "nextClearBit", "previousSetBit", "previousClearBit", "intersects", "toByteArray",
            "toLongArray",
            // formats, Matcher
            "toPattern", "toLocalizedPattern", "group", "groupCount", "start", "end", "hitEnd", "requireEnd",
            "namedGroups", "toMatchResult", "pattern", "regionStart", "regionEnd", "appendTail");

    /** Reads whose result is a view or iterator backed by the receiver: the result is recorded. */
    private static final Set<String> VIEWS = Set.of(
            "iterator", "listIterator", "descendingIterator", "subList", "keySet", "values", "entrySet",
            "navigableKeySet", "descendingKeySet", "descendingMap", "descendingSet", "headMap", "tailMap",
            "subMap", "headSet", "tailSet", "subSet", "reversed", "sequencedKeySet", "sequencedValues",
            "sequencedEntrySet");

    private JdkCalls() {
    }

    /**
     * @return {@link #READ}, {@link #WRITE} or {@link #NONE} for an instance call of {@code owner.name}
     */
    static int kind(String owner, String name) {
        if (!OWNERS.contains(owner)) {
            return NONE;
        }
        if (WRITES.contains(name) || name.startsWith("set") || name.startsWith("apply") || name.startsWith("use")) {
            return WRITE;
        }
        if (READS.contains(name) || name.startsWith("get") && !name.equals("getClass")
                || name.startsWith("is") || name.startsWith("has")) {
            return READ;
        }
        return NONE;
    }

    /**
     * @return whether this is {@code get()}, {@code set(value)} or {@code remove()} on a variable typed
     *         {@code ThreadLocal} or {@code InheritableThreadLocal} (a call through an application subclass's
     *         own type is not seen)
     */
    static boolean threadLocalUse(String owner, String name, String descriptor) {
        return ("java/lang/ThreadLocal".equals(owner) || "java/lang/InheritableThreadLocal".equals(owner))
                && ("get".equals(name) && "()Ljava/lang/Object;".equals(descriptor)
                    || "remove".equals(name) && "()V".equals(descriptor)
                    || "set".equals(name) && "(Ljava/lang/Object;)V".equals(descriptor));
    }

    /** @return whether the call returns a view or iterator backed by its receiver */
    static boolean returnsView(String name, String descriptor) {
        return VIEWS.contains(name) && descriptor.endsWith(";");
    }

    /**
     * @return whether this is {@code Collections.unmodifiableX(x)}, whose result is a read-only view of
     *         {@code x}
     */
    static boolean unmodifiableView(String owner, String name, String descriptor) {
        return "java/util/Collections".equals(owner) && name.startsWith("unmodifiable")
                && descriptor.startsWith("(Ljava/util/") && descriptor.indexOf(';') == descriptor.indexOf(')') - 1;
    }
}
