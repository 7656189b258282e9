package dev.guarded.agent.internal.detect;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * The two Lincheck runs every concurrent structure of the detector gets, with the sizes CI can afford
 * ({@code guarded.lincheck.iterations} and {@code guarded.lincheck.invocations} raise them for a longer search).
 */
final class LincheckRuns {

    private LincheckRuns() {
    }

    /** Model checking: Lincheck explores the interleavings of {@code threads} threads of {@code actors} operations. */
    static void modelCheck(Class<?> test, int threads, int actors) {
        modelCheck(test, test, threads, actors);
    }

    /**
     * As {@link #modelCheck(Class, int, int)}, against a sequential specification of its own: a class with the
     * test's operations that says what each must return, for a structure whose one-thread behaviour is itself
     * under test (by default the test class run one operation at a time is the specification).
     */
    static void modelCheck(Class<?> test, Class<?> specification, int threads, int actors) {
        new ModelCheckingOptions()
                .iterations(iterations())
                .invocationsPerIteration(invocations())
                .threads(threads)
                .actorsPerThread(actors)
                .sequentialSpecification(specification)
                .check(test);
    }

    /** Stress: the same scenarios run on real threads, many times each. */
    static void stress(Class<?> test, int threads, int actors) {
        stress(test, test, threads, actors);
    }

    /** As {@link #stress(Class, int, int)}, against a sequential specification of its own. */
    static void stress(Class<?> test, Class<?> specification, int threads, int actors) {
        new StressOptions()
                .iterations(iterations())
                .invocationsPerIteration(invocations())
                .threads(threads)
                .actorsPerThread(actors)
                .sequentialSpecification(specification)
                .check(test);
    }

    private static int iterations() {
        return Integer.getInteger("guarded.lincheck.iterations", 20);
    }

    private static int invocations() {
        return Integer.getInteger("guarded.lincheck.invocations", 400);
    }
}
