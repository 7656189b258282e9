package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.hook.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rewrites {@link LoopSample} with shadow words and check elimination, counts the range checks and the per-access
 * element checks each method emits, and runs the rewritten loops (so the JVM verifies the moved checks' block and
 * its frame) to see which elements the range checks name: exactly those the loop touched.
 */
class LoopRangesTest {

    private static final String SAMPLE = LoopSample.class.getName();
    private static final Set<String> RANGES = Set.of("elementRangeRead", "elementRangeWrite");
    private static final Set<String> ELEMENTS = Set.of("elementRead", "elementWrite", "arrayRead", "arrayWrite");

    private final List<String> events = new ArrayList<>();

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    @Test
    void onlyLoopsWhoseEveryIterationTouchesTheInductionElementMoveTheirChecks() throws Exception {
        byte[] rewritten = SampleRewrites.rewrite(SAMPLE, true, true);
        Map<String, Integer> ranges = SampleRewrites.hookCalls(rewritten, RANGES, name -> name);
        Map<String, Integer> elements = SampleRewrites.hookCalls(rewritten, ELEMENTS, name -> name);
        assertChecks(ranges, elements, "copy", 2, 0);
        assertChecks(ranges, elements, "countDown", 1, 0);
        // inner loop: the row's write and b[k]'s read; outside it c[i], a[i], a[i][k], b[k], c[0], c[0][0]
        assertChecks(ranges, elements, "multiply", 2, 6);
        assertChecks(ranges, elements, "conditional", 0, 1);
        assertChecks(ranges, elements, "callInside", 0, 1);
        assertChecks(ranges, elements, "stride", 0, 1);
        assertChecks(ranges, elements, "storesInduction", 0, 1);
        assertChecks(ranges, elements, "breaks", 0, 2);
        assertChecks(ranges, elements, "otherIndex", 1, 1);
        assertChecks(ranges, elements, "fieldArray", 1, 0);
        assertChecks(ranges, elements, "fieldInLoop", 0, 1);
        assertChecks(ranges, elements, "fromTheStart", 1, 0);
    }

    @Test
    void withoutEliminationOrWordsEveryAccessKeepsItsCheck() throws Exception {
        for (boolean words : new boolean[] {false, true}) {
            byte[] rewritten = SampleRewrites.rewrite(SAMPLE, !words, words);
            assertTrue(SampleRewrites.hookCalls(rewritten, RANGES, name -> name).isEmpty(),
                    "no range checks with words " + words + ", elimination " + !words);
        }
    }

    @Test
    void rangeChecksNameExactlyTheElementsTheLoopTouched() throws Exception {
        Hooks.install(new Recorder());
        Class<?> type = SampleRewrites.load(SAMPLE, SampleRewrites.rewrite(SAMPLE, true, true));
        Object sample = type.getConstructor().newInstance();
        int[] dst = new int[5];
        assertEquals(3, invoke(sample, "copy", new int[] {7, 8, 9, 10, 11}, dst, 3));
        assertArrayEquals(new int[] {7, 8, 9, 0, 0}, dst);
        assertEquals(List.of("read 0", "read 1", "read 2", "write 0", "write 1", "write 2"), events);

        events.clear();
        invoke(sample, "copy", new int[2], new int[2], 0);
        assertEquals(List.of(), events, "a loop that never ran touched nothing");

        events.clear();
        long[] counted = {1, 2, 3};
        invoke(sample, "countDown", (Object) counted);
        assertArrayEquals(new long[] {3, 4, 5}, counted);
        assertEquals(List.of("write 0 (and the read before)", "write 1 (and the read before)",
                "write 2 (and the read before)"), events, "counting down: (exit, start]");

        events.clear();
        invoke(sample, "conditional", new int[5], 1);
        assertEquals(List.of("write 1", "write 3"), events, "a conditional write names only what it wrote");

        events.clear();
        int[] started = new int[4];
        assertEquals(-1, invoke(sample, "fromTheStart", started, 2));
        assertArrayEquals(new int[] {7, 7, 7, 0}, started);
        assertEquals(List.of("write 0", "write 1", "write 2"), events, "a loop whose head is the method's start");

        events.clear();
        invoke(sample, "otherIndex", (Object) new int[] {1, 2, 3});
        assertEquals(List.of("read 1", "read 2", "write 0", "write 1"), events);
    }

    @Test
    void aMatrixProductComputesTheSameAndChecksEveryRowElement() throws Exception {
        Hooks.install(new Recorder());
        Class<?> type = SampleRewrites.load(SAMPLE, SampleRewrites.rewrite(SAMPLE, true, true));
        double[][] a = {{1, 2}, {3, 4}};
        double[][] b = {{5, 6}, {7, 8}};
        double[][] c = new double[2][2];
        new LoopSample().multiply(a, b, c);
        double[][] expected = c;
        double[][] rewritten = new double[2][2];
        invoke(type.getConstructor().newInstance(), "multiply", a, b, rewritten);
        assertArrayEquals(expected[0], rewritten[0]);
        assertArrayEquals(expected[1], rewritten[1]);
        // per (i, k): the row's writes 0 and 1 (covering their reads), b[k]'s reads 0 and 1
        assertEquals(8, events.stream().filter(e -> e.startsWith("write")).count(), events::toString);
        // (0, 0): c[0], a[0], a[0][0] and b[0] in the loops around, then the inner loop's two ranges
        assertEquals(List.of("read 0", "read 0", "read 0", "read 0", "read 0", "read 1",
                "write 0 (and the read before)", "write 1 (and the read before)"), events.subList(0, 8),
                events::toString);
    }

    private static void assertChecks(Map<String, Integer> ranges, Map<String, Integer> elements, String method,
            int rangeChecks, int elementChecks) {
        assertEquals(rangeChecks, ranges.getOrDefault(method, 0), method + ": range checks");
        assertEquals(elementChecks, elements.getOrDefault(method, 0), method + ": per-access element checks");
    }

    private static Object invoke(Object sample, String name, Object... args) throws Exception {
        for (Method m : sample.getClass().getMethods()) {
            if (m.getName().equals(name)) {
                return m.invoke(sample, args);
            }
        }
        throw new NoSuchMethodException(name);
    }

    /** Records element checks; with the default context, every element reaches it. */
    private final class Recorder extends HookListener.Silent {
        @Override public void elementRead(Object array, int index, ThreadContext c, int site) {
            events.add("read " + index);
        }
        @Override public void elementWrite(Object array, int index, ThreadContext c, int site) {
            events.add("write " + index + ((site & Hooks.COVERS_READ) != 0 ? " (and the read before)" : ""));
        }
    }
}
