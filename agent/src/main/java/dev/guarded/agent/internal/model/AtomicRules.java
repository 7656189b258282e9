package dev.guarded.agent.internal.model;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.nameMatches;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

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
        var atomics = namedOneOf(ATOMIC + "AtomicBoolean", ATOMIC + "AtomicInteger", ATOMIC + "AtomicLong",
                ATOMIC + "AtomicReference", ATOMIC + "AtomicIntegerArray", ATOMIC + "AtomicLongArray",
                ATOMIC + "AtomicReferenceArray", ATOMIC + "AtomicMarkableReference",
                ATOMIC + "AtomicStampedReference");
        var numbers = namedOneOf(ATOMIC + "AtomicInteger", ATOMIC + "AtomicLong", ATOMIC + "AtomicIntegerArray",
                ATOMIC + "AtomicLongArray");
        // Their javadoc: for statistics, "not for fine-grained synchronization control"; sum() is no snapshot.
        var adders = namedOneOf(ATOMIC + "LongAdder", ATOMIC + "DoubleAdder", ATOMIC + "LongAccumulator",
                ATOMIC + "DoubleAccumulator");
        var numberUpdaters = nameStartsWith(ATOMIC).and(isSubTypeOf(AtomicIntegerFieldUpdater.class)
                .or(isSubTypeOf(AtomicLongFieldUpdater.class)));
        var updaters = nameStartsWith(ATOMIC).and(isSubTypeOf(AtomicIntegerFieldUpdater.class)
                .or(isSubTypeOf(AtomicLongFieldUpdater.class)).or(isSubTypeOf(AtomicReferenceFieldUpdater.class)));
        return List.of(
                new Rule(atomics, instance(READ), ThisAdvice.AcquireOnExit.class),
                new Rule(atomics, instance(WRITE), ThisAdvice.ReleaseOnEnter.class),
                new Rule(atomics, instance(RMW).and(not(nameMatches(COUNTING))), ThisAdvice.ReadModifyWrite.class),
                new Rule(atomics.and(not(numbers)), instance(COUNTING), ThisAdvice.ReadModifyWrite.class),
                new Rule(numbers, instance(COUNTING), ThisAdvice.CountingUpdate.class),
                new Rule(adders, instance(READ), ThisAdvice.AcquireIncidentalOnExit.class),
                new Rule(adders, instance(WRITE), ThisAdvice.ReleaseOnEnter.class),
                new Rule(adders, instance(RMW), ThisAdvice.CountingUpdate.class),
                new Rule(updaters, onTarget(READ), ArgumentAdvice.Acquire.class),
                new Rule(updaters, onTarget(WRITE), ArgumentAdvice.Release.class),
                new Rule(updaters, onTarget(RMW).and(not(nameMatches(COUNTING))), ArgumentAdvice.ReadModifyWrite.class),
                new Rule(updaters.and(not(numberUpdaters)), onTarget(COUNTING), ArgumentAdvice.ReadModifyWrite.class),
                new Rule(numberUpdaters, onTarget(COUNTING), ArgumentAdvice.CountingUpdate.class));
    }

    private static ElementMatcher.Junction<MethodDescription> instance(String names) {
        return isMethod().and(not(isStatic())).and(not(isAbstract())).and(nameMatches(names));
    }

    private static ElementMatcher.Junction<MethodDescription> onTarget(String names) {
        return instance(names).and(takesArgument(0, Object.class));
    }
}
