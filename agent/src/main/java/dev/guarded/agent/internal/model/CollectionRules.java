package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.Matchers.constructors;
import static dev.guarded.agent.internal.model.Matchers.methods;
import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.List;

import net.bytebuddy.asm.AsmVisitorWrapper;

/**
 * Concurrent collections as hand-off, one clock per collection object (coarse but never a false alarm),
 * except {@code ConcurrentHashMap}'s point operations, which are per element ({@link MapAdvice}), and its
 * views, which read the backing map's clock ({@link ViewAdvice}):
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

    /** ConcurrentHashMap methods modelled per element by {@link MapAdvice} (getOrDefault calls get). */
    private static final String[] KEYED = {"get", "getOrDefault", "put", "putAll", "putIfAbsent", "putVal",
        "replace", "remove", "replaceNode", "compute", "computeIfAbsent", "computeIfPresent", "merge"};

    /**
     * {@code ConcurrentSkipListMap}/{@code Set} methods that compare their argument with stored keys
     * ({@code compareTo} or the comparator reads them): they acquire the collection's clock on entry, so what
     * was published with a stored key is visible to the comparison. Reads otherwise acquire only on exit. A
     * key inserted after the entry is acquired at the comparison itself ({@link MapAdvice.KeyComparisons}).
     */
    static final String[] KEY_LOOKUPS = {"get", "getOrDefault", "containsKey", "contains", "put", "putIfAbsent",
        "add", "remove", "replace", "ceiling", "ceilingKey", "ceilingEntry", "floor", "floorKey", "floorEntry",
        "higher", "higherKey", "higherEntry", "lower", "lowerKey", "lowerEntry", "headMap", "tailMap", "subMap",
        "headSet", "tailSet", "subSet"};

    private CollectionRules() {
    }

    static List<Rule> rules() {
        var map = named(JUC + "ConcurrentHashMap");
        var collections = namedOneOf(JUC + "ArrayBlockingQueue", JUC + "LinkedBlockingQueue",
                JUC + "LinkedBlockingDeque", JUC + "PriorityBlockingQueue", JUC + "DelayQueue",
                JUC + "SynchronousQueue", JUC + "LinkedTransferQueue", JUC + "ConcurrentLinkedQueue",
                JUC + "ConcurrentLinkedDeque",
                JUC + "ConcurrentSkipListMap", JUC + "ConcurrentSkipListSet", JUC + "CopyOnWriteArrayList",
                JUC + "CopyOnWriteArraySet", JUC + "ScheduledThreadPoolExecutor$DelayedWorkQueue");
        var skipLists = namedOneOf(JUC + "ConcurrentSkipListMap", JUC + "ConcurrentSkipListSet");
        var views = namedOneOf(JUC + "ConcurrentHashMap$CollectionView", JUC + "ConcurrentHashMap$KeySetView",
                JUC + "ConcurrentHashMap$ValuesView", JUC + "ConcurrentHashMap$EntrySetView");
        var whole = not(namedOneOf(KEYED));
        return List.of(
                new Rule(map, methods("get"), MapAdvice.Get.class),
                new Rule(map, methods("putVal", "replaceNode"), MapAdvice.Update.class),
                new Rule(map, methods("compute", "computeIfAbsent", "computeIfPresent"), MapAdvice.Compute.class),
                new Rule(map, methods("merge"), MapAdvice.Merge.class),
                new Rule(map, methods("replaceAll"), MapAdvice.Recompute.class),
                // Lookups publish keys: an insert releases into its key, a comparison acquires it (MapAdvice).
                new Rule(map, methods("putVal", "compute", "computeIfAbsent", "computeIfPresent", "merge")
                        .and(takesArgument(0, Object.class)), MapAdvice.KeyInsert.class),
                new Rule(named(JUC + "ConcurrentHashMap$KeyIterator"), methods("next"), MapAdvice.IteratedKey.class),
                new Rule(named(JUC + "ConcurrentHashMap$ValueIterator"), methods("next"),
                        MapAdvice.IteratedValue.class),
                new Rule(named(JUC + "ConcurrentHashMap$MapEntry"), constructors().and(takesArguments(3)),
                        MapAdvice.IteratedEntry.class),
                new Rule(named(JUC + "ConcurrentSkipListMap"), methods("doPut").and(takesArgument(0, Object.class)),
                        MapAdvice.KeyInsert.class),
                new Rule(skipLists, methods(KEY_LOOKUPS), ThisAdvice.AcquireOnEnter.class),
                new Rule(map, methods(INSERTS).and(whole), ThisAdvice.ReleaseOnEnter.class),
                new Rule(map, methods(UPDATES).and(whole), ThisAdvice.ReadModifyWrite.class),
                new Rule(map, methods(READS).and(whole), ThisAdvice.AcquireOnExit.class),
                new Rule(map, methods("forEach", "forEachKey", "forEachValue", "forEachEntry", "search",
                        "searchKeys", "searchValues", "searchEntries", "reduce", "reduceKeys", "reduceValues",
                        "reduceEntries", "replaceAll", "removeIf"), ThisAdvice.AcquireOnEnter.class),
                new Rule(views, methods(READS), ViewAdvice.AcquireMap.class),
                new Rule(collections, methods(INSERTS), ThisAdvice.ReleaseOnEnter.class),
                new Rule(collections, methods(UPDATES), ThisAdvice.ReadModifyWrite.class),
                new Rule(collections, methods(READS), ThisAdvice.AcquireOnExit.class),
                // Callbacks run inside these and must already see what was published before the call.
                new Rule(collections, methods("forEach", "forEachKey", "forEachValue", "forEachEntry", "search",
                        "searchKeys", "searchValues", "searchEntries", "reduce", "reduceKeys", "reduceValues",
                        "reduceEntries", "compute", "computeIfAbsent", "computeIfPresent", "merge", "replaceAll",
                        "removeIf"), ThisAdvice.AcquireOnEnter.class));
    }

    /**
     * The concurrent maps' key comparisons, rewritten to acquire the stored key's insertion
     * ({@link MapAdvice.KeyComparisons}): every method of {@code ConcurrentHashMap} and its nested classes
     * (bins, tree bins, forwarding nodes, views), and {@code ConcurrentSkipListMap.cpr}, through which all of
     * the skip list's comparisons go.
     */
    static List<JdkModel.Rewrite> rewrites() {
        var comparisons = new MapAdvice.KeyComparisons();
        return List.of(
                new JdkModel.Rewrite(named(JUC + "ConcurrentHashMap").or(nameStartsWith(JUC + "ConcurrentHashMap$")),
                        new AsmVisitorWrapper.ForDeclaredMethods().invokable(any(), comparisons)),
                new JdkModel.Rewrite(named(JUC + "ConcurrentSkipListMap"),
                        new AsmVisitorWrapper.ForDeclaredMethods().method(named("cpr"), comparisons)));
    }
}
