package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.ClassMatch.named;
import static dev.guarded.agent.internal.model.ClassMatch.prefixed;
import static dev.guarded.agent.internal.model.MethodMatch.methodsMatching;

import java.util.List;

/**
 * {@code java.util.concurrent.atomic}: the atomic object (or, for field updaters, the target object) is the
 * key. Plain and volatile reads acquire, writes release, read-modify-writes do both. Classified by method
 * name, which is uniform across the package: {@code get*} (not {@code getAnd*}) and the {@code xxxValue}
 * conversions read; {@code set*}, {@code lazySet}, and the adders' {@code add/increment/decrement/accumulate/
 * reset} write; everything else that mutates ({@code compareAnd*}, {@code weakCompareAndSet*},
 * {@code getAnd*}, {@code *AndGet}, {@code *ThenReset}) is a read-modify-write.
 */
final class AtomicRules {

    private static final String ATOMIC = "java.util.concurrent.atomic.";
    private static final String READ = "get(Plain|Opaque|Acquire)?|intValue|longValue|floatValue|doubleValue|sum|"
            + "length|toString";
    private static final String WRITE = "set(Plain|Opaque|Release)?|lazySet|add|increment|decrement|accumulate|reset";
    private static final String RMW = "compareAnd\\w+|weakCompareAndSet\\w*|getAnd\\w+|\\w+AndGet|\\w+ThenReset";

    /**
     * Unconditional arithmetic on a number: a counter's update, which succeeds whatever the other threads did,
     * so the order it puts threads in is incidental ({@code Bridges.INCIDENTAL}; hybrid mode does not take it
     * for a hand-off). Conditional updates ({@code compareAndSet}) and reference exchanges stay hand-offs.
     */
    private static final String COUNTING = "getAnd(Add|Increment|Decrement)|(add|increment|decrement)AndGet";

    private AtomicRules() {
    }

    static List<Rule> rules() {
        var atomics = named(ATOMIC + "AtomicBoolean", ATOMIC + "AtomicInteger", ATOMIC + "AtomicLong",
                ATOMIC + "AtomicReference", ATOMIC + "AtomicIntegerArray", ATOMIC + "AtomicLongArray",
                ATOMIC + "AtomicReferenceArray", ATOMIC + "AtomicMarkableReference",
                ATOMIC + "AtomicStampedReference");
        String[] numberNames = {ATOMIC + "AtomicInteger", ATOMIC + "AtomicLong", ATOMIC + "AtomicIntegerArray",
            ATOMIC + "AtomicLongArray"};
        var numbers = named(numberNames);
        var others = atomics.except(numberNames);
        // Their javadoc: for statistics, "not for fine-grained synchronization control"; sum() is no snapshot.
        var adders = named(ATOMIC + "LongAdder", ATOMIC + "DoubleAdder", ATOMIC + "LongAccumulator",
                ATOMIC + "DoubleAccumulator");
        var numberUpdaters = prefixed(ATOMIC).extending(ATOMIC + "AtomicIntegerFieldUpdater",
                ATOMIC + "AtomicLongFieldUpdater");
        var updaters = prefixed(ATOMIC).extending(ATOMIC + "AtomicIntegerFieldUpdater",
                ATOMIC + "AtomicLongFieldUpdater", ATOMIC + "AtomicReferenceFieldUpdater");
        var referenceUpdaters = prefixed(ATOMIC).extending(ATOMIC + "AtomicReferenceFieldUpdater");
        return List.of(
                new Rule(atomics, methodsMatching(READ), Advices.ACQUIRE_ON_EXIT),
                new Rule(atomics, methodsMatching(WRITE), Advices.RELEASE_ON_ENTER),
                new Rule(atomics, methodsMatching(RMW).exceptMatching(COUNTING), Advices.READ_MODIFY_WRITE),
                new Rule(others, methodsMatching(COUNTING), Advices.READ_MODIFY_WRITE),
                new Rule(numbers, methodsMatching(COUNTING), Advices.COUNTING_UPDATE),
                new Rule(adders, methodsMatching(READ), Advices.ACQUIRE_INCIDENTAL_ON_EXIT),
                new Rule(adders, methodsMatching(WRITE), Advices.RELEASE_ON_ENTER),
                new Rule(adders, methodsMatching(RMW), Advices.COUNTING_UPDATE),
                new Rule(updaters, onTarget(READ), Advices.TARGET_ACQUIRE),
                new Rule(updaters, onTarget(WRITE), Advices.TARGET_RELEASE),
                new Rule(updaters, onTarget(RMW).exceptMatching(COUNTING), Advices.TARGET_READ_MODIFY_WRITE),
                new Rule(referenceUpdaters, onTarget(COUNTING), Advices.TARGET_READ_MODIFY_WRITE),
                new Rule(numberUpdaters, onTarget(COUNTING), Advices.TARGET_COUNTING_UPDATE));
    }

    private static MethodMatch onTarget(String names) {
        return methodsMatching(names).firstTaking(Object.class);
    }
}
