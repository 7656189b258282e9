package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.ClassMatch.named;
import static dev.guarded.agent.internal.model.ClassMatch.nestedIn;
import static dev.guarded.agent.internal.model.MethodMatch.any;
import static dev.guarded.agent.internal.model.MethodMatch.anyNamed;
import static dev.guarded.agent.internal.model.MethodMatch.constructors;
import static dev.guarded.agent.internal.model.MethodMatch.methods;

import java.util.List;

/**
 * Concurrent collections as hand-off, one clock per collection object (coarse but never a false alarm),
 * except {@code ConcurrentHashMap}'s point operations, which are per element ({@code ModelHooks.mapGot} and its neighbours), and its
 * views, which read the backing map's clock ({@link Advices#VIEW_READ}):
 * inserting methods release on entry, before the element becomes visible; reading methods acquire on exit;
 * removing and other read-modify-write methods do both. Matched on the JDK's concrete classes by name, so
 * user subclasses inherit the model without being rewritten.
 */
final class CollectionRules {

    private static final String JUC = "java.util.concurrent.";

    static final String[] INSERTS = {"add", "addAll", "offer", "put", "putAll", "putVal", "addFirst", "addLast",
        "offerFirst", "offerLast", "push", "putFirst", "putLast", "transfer", "tryTransfer", "set", "addIfAbsent",
        "addAllAbsent", "setAll"};

    static final String[] UPDATES = {"putIfAbsent", "compute", "computeIfAbsent", "computeIfPresent", "merge",
        "replace", "replaceAll", "replaceNode", "remove", "removeIf", "removeAll", "retainAll", "clear", "poll",
        "pollFirst", "pollLast", "take", "takeFirst", "takeLast", "pop", "removeFirst", "removeLast",
        "removeFirstOccurrence", "removeLastOccurrence", "drainTo", "pollFirstEntry", "pollLastEntry", "sort"};

    static final String[] READS = {"get", "getOrDefault", "containsKey", "containsValue", "contains", "containsAll",
        "peek", "peekFirst", "peekLast", "element", "getFirst", "getLast", "isEmpty", "size", "mappingCount",
        "toArray", "firstKey", "lastKey", "firstEntry", "lastEntry", "first", "last", "ceiling", "ceilingKey",
        "ceilingEntry", "floor", "floorKey", "floorEntry", "higher", "higherKey", "higherEntry", "lower", "lowerKey",
        "lowerEntry", "indexOf", "lastIndexOf", "iterator", "descendingIterator", "spliterator", "keySet", "values",
        "entrySet", "keys", "elements", "forEach", "forEachKey", "forEachValue", "forEachEntry", "search",
        "searchKeys", "searchValues", "searchEntries", "reduce", "reduceKeys", "reduceValues", "reduceEntries",
        "equals", "hashCode", "toString", "stream", "remainingCapacity", "subList", "headMap", "tailMap", "subMap",
        "headSet", "tailSet", "subSet", "descendingMap", "descendingSet", "navigableKeySet", "descendingKeySet"};

    /** ConcurrentHashMap methods modelled per element by {@code ModelHooks.mapGot} and its neighbours (getOrDefault calls get). */
    private static final String[] KEYED = {"get", "getOrDefault", "put", "putAll", "putIfAbsent", "putVal",
        "replace", "remove", "replaceNode", "compute", "computeIfAbsent", "computeIfPresent", "merge"};

    /**
     * {@code ConcurrentSkipListMap}/{@code Set} methods that compare their argument with stored keys
     * ({@code compareTo} or the comparator reads them): they acquire the collection's clock on entry, so what
     * was published with a stored key is visible to the comparison. Reads otherwise acquire only on exit. A
     * key inserted after the entry is acquired at the comparison itself ({@link Rewrite.Kind#KEY_COMPARISONS}).
     */
    static final String[] KEY_LOOKUPS = {"get", "getOrDefault", "containsKey", "contains", "put", "putIfAbsent",
        "add", "remove", "replace", "ceiling", "ceilingKey", "ceilingEntry", "floor", "floorKey", "floorEntry",
        "higher", "higherKey", "higherEntry", "lower", "lowerKey", "lowerEntry", "headMap", "tailMap", "subMap",
        "headSet", "tailSet", "subSet"};

    private CollectionRules() {
    }

    static List<Rule> rules() {
        var map = named(JUC + "ConcurrentHashMap");
        var collections = named(JUC + "ArrayBlockingQueue", JUC + "LinkedBlockingQueue",
                JUC + "LinkedBlockingDeque", JUC + "PriorityBlockingQueue", JUC + "DelayQueue",
                JUC + "SynchronousQueue", JUC + "LinkedTransferQueue", JUC + "ConcurrentLinkedQueue",
                JUC + "ConcurrentLinkedDeque",
                JUC + "ConcurrentSkipListMap", JUC + "ConcurrentSkipListSet", JUC + "CopyOnWriteArrayList",
                JUC + "CopyOnWriteArraySet", JUC + "ScheduledThreadPoolExecutor$DelayedWorkQueue");
        var skipLists = named(JUC + "ConcurrentSkipListMap", JUC + "ConcurrentSkipListSet");
        var views = named(JUC + "ConcurrentHashMap$CollectionView", JUC + "ConcurrentHashMap$KeySetView",
                JUC + "ConcurrentHashMap$ValuesView", JUC + "ConcurrentHashMap$EntrySetView");
        return List.of(
                new Rule(map, methods("get"), Advices.MAP_GET),
                new Rule(map, methods("putVal", "replaceNode"), Advices.MAP_UPDATE),
                new Rule(map, methods("compute", "computeIfAbsent", "computeIfPresent"), Advices.MAP_COMPUTE),
                new Rule(map, methods("merge"), Advices.MAP_MERGE),
                new Rule(map, methods("replaceAll"), Advices.MAP_RECOMPUTE),
                // Lookups publish keys: an insert releases into its key, a comparison acquires it (Rewrite.Kind.KEY_COMPARISONS).
                new Rule(map, methods("putVal", "compute", "computeIfAbsent", "computeIfPresent", "merge")
                        .firstTaking(Object.class), Advices.KEY_INSERT),
                new Rule(named(JUC + "ConcurrentHashMap$KeyIterator"), methods("next"), Advices.ITERATED_KEY),
                new Rule(named(JUC + "ConcurrentHashMap$ValueIterator"), methods("next"),
                        Advices.ITERATED_VALUE),
                new Rule(named(JUC + "ConcurrentHashMap$MapEntry"), constructors().takingCount(3),
                        Advices.ITERATED_ENTRY),
                new Rule(named(JUC + "ConcurrentSkipListMap"), methods("doPut").firstTaking(Object.class),
                        Advices.KEY_INSERT),
                new Rule(skipLists, methods(KEY_LOOKUPS), Advices.ACQUIRE_ON_ENTER),
                new Rule(map, methods(INSERTS).except(KEYED), Advices.RELEASE_ON_ENTER),
                new Rule(map, methods(UPDATES).except(KEYED), Advices.READ_MODIFY_WRITE),
                new Rule(map, methods(READS).except(KEYED), Advices.ACQUIRE_ON_EXIT),
                new Rule(map, methods("forEach", "forEachKey", "forEachValue", "forEachEntry", "search",
                        "searchKeys", "searchValues", "searchEntries", "reduce", "reduceKeys", "reduceValues",
                        "reduceEntries", "replaceAll", "removeIf"), Advices.ACQUIRE_ON_ENTER),
                new Rule(views, methods(READS), Advices.VIEW_READ),
                new Rule(collections, methods(INSERTS), Advices.RELEASE_ON_ENTER),
                new Rule(collections, methods(UPDATES), Advices.READ_MODIFY_WRITE),
                new Rule(collections, methods(READS), Advices.ACQUIRE_ON_EXIT),
                // Callbacks run inside these and must already see what was published before the call.
                new Rule(collections, methods("forEach", "forEachKey", "forEachValue", "forEachEntry", "search",
                        "searchKeys", "searchValues", "searchEntries", "reduce", "reduceKeys", "reduceValues",
                        "reduceEntries", "compute", "computeIfAbsent", "computeIfPresent", "merge", "replaceAll",
                        "removeIf"), Advices.ACQUIRE_ON_ENTER));
    }

    /**
     * The concurrent maps' key comparisons, rewritten to acquire the stored key's insertion
     * ({@link Rewrite.Kind#KEY_COMPARISONS}): every method of {@code ConcurrentHashMap} and its nested classes
     * (bins, tree bins, forwarding nodes, views), and {@code ConcurrentSkipListMap.cpr}, through which all of
     * the skip list's comparisons go.
     */
    static List<Rewrite> rewrites() {
        return List.of(
                new Rewrite(nestedIn(JUC + "ConcurrentHashMap"), any(), Rewrite.Kind.KEY_COMPARISONS),
                new Rewrite(named(JUC + "ConcurrentSkipListMap"), anyNamed("cpr"), Rewrite.Kind.KEY_COMPARISONS));
    }
}
