package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.internal.meta.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rewrites {@link EliminationSample} with and without check elimination, counts the access checks each method
 * emits (table hooks and shadow-word hooks), and runs the rewritten class (so the JVM verifies it) to see the
 * checks that remain and that results do not change.
 */
class CheckEliminationTest {

    private static final String SAMPLE = EliminationSample.class.getName();
    private static final Set<String> CHECKS = Set.of("read", "write", "arrayRead", "arrayWrite", "fieldRead",
            "fieldWrite", "elementRead", "elementWrite");

    /** Per method: access checks emitted with elimination, and without. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        expect("readRead", 1, 3);               // a read after a read of the same location
        expect("writeThenRead", 1, 2);          // a read after a write
        expect("readThenWrite", 1, 2);          // the write's check covers the read before it
        expect("writeWrite", 1, 2);             // a write after a write
        expect("incrementTwice", 1, 5);         // a++ a++ return a: only the first write
        expect("differentFields", 2, 4);
        expect("callBetween", 2, 2);            // a call may synchronize
        expect("monitorBetween", 3, 3);
        expect("volatileBetween", 2, 2);        // the volatile read itself is not an access check
        expect("joinPointBetween", 2, 2);       // a branch target: another path reaches the second read
        expect("fallThroughKeepsRegion", 1, 2); // a conditional branch's fall-through continues the region
        expect("loop", 1, 1);
        expect("handlerEntry", 2, 3);           // the try body is covered, the handler's entry is not
        expect("otherObject", 2, 3);            // this.a and o.a are different locations
        expect("localReassigned", 2, 2);        // p.a, p = this, p.a
        expect("ownStatic", 1, 3);              // counter = counter + 1: coalesced too
        expect("otherClassStatic", 2, 2);       // another class's static may run (or acquire) its initializer
        expect("newBetween", 2, 2);
        expect("castToUnresolvedClass", 2, 2);  // resolving a class may run a class loader
        expect("arrays", 2, 4);                 // d[i] = ..; d[i] + d[i]; i++; d[i]
        expect("constantIndex", 2, 3);          // d[0] + d[0] + d[1]
        expect("arrayIncrement", 1, 4);         // d[i]++; d[i] += 2 on a long[]: one write check
        expect("chained", 3, 4);                // this.other once; other.a twice: the loaded owner is unnamed
        expect("helper", 1, 1);
        expect("readBranchWrite", 2, 2);        // a conditional branch between them: the write may not run
        expect("readDivideWrite", 1, 3);        // what can only throw between them does not stop it
        expect("readOtherFieldWrite", 2, 4);    // nor does an access to another location
        expect("objectArraySelfStore", 1, 2);
    }

    private static void expect(String method, int eliminated, int all) {
        EXPECTED.put(method, new int[] {eliminated, all});
    }

    private final List<String> events = new ArrayList<>();

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    @Test
    void tableChecksAreLeftOutOnlyWithinARegion() throws Exception {
        assertCounts(false);
    }

    @Test
    void shadowWordChecksAreLeftOutTheSameWay() throws Exception {
        assertCounts(true);
    }

    private static void assertCounts(boolean words) throws Exception {
        Map<String, Integer> with = checksPerMethod(rewrite(true, words));
        Map<String, Integer> without = checksPerMethod(rewrite(false, words));
        for (Map.Entry<String, int[]> e : EXPECTED.entrySet()) {
            assertEquals(e.getValue()[0], with.getOrDefault(e.getKey(), 0), e.getKey() + " with elimination");
            assertEquals(e.getValue()[1], without.getOrDefault(e.getKey(), 0), e.getKey() + " without elimination");
        }
        // and the rewritten class verifies (frames, the context local) and runs
        Class<?> type = load(rewrite(true, words));
        assertEquals(2, invoke(newSample(type), "incrementTwice"));
    }

    @Test
    void remainingChecksRunAndResultsDoNotChange() throws Exception {
        Hooks.install(new Recorder());
        Class<?> with = load(rewrite(true, false));
        Class<?> without = load(rewrite(false, false));
        assertEquals(List.of("write a (and the read before)"), run(with, "incrementTwice"),
                "the write's check covers the read");
        assertEquals(List.of("read a", "write a", "read a", "write a", "read a"), run(without, "incrementTwice"));
        assertEquals(List.of("arrayWrite 3", "arrayRead 4"), run(with, "arrays", new int[8], 3));
        assertEquals(List.of("arrayWrite 3", "arrayRead 3", "arrayRead 3", "arrayRead 4"),
                run(without, "arrays", new int[8], 3));
        assertEquals(List.of("read a", "lock", "read a", "unlock", "read a"), run(with, "monitorBetween"));
        assertEquals(List.of("arrayWrite 2 (and the read before)"), run(with, "arrayIncrement", new long[4], 2));
        assertEquals(List.of("read a"), run(with, "readBranchWrite"), "a is 0: no write, and no write checked");
        assertEquals(List.of("read b", "write a (and the read before)"), run(with, "readOtherFieldWrite"));
        for (String method : List.of("readRead", "incrementTwice", "ownStatic", "chained")) {
            assertEquals(result(without, method), result(with, method), method);
        }
        assertEquals(result(without, "arrays", new int[] {0, 5, 7}, 0), result(with, "arrays", new int[] {0, 5, 7}, 0));
    }

    private List<String> run(Class<?> type, String method, Object... args) throws Exception {
        events.clear();
        invoke(newSample(type), method, args);
        return List.copyOf(events);
    }

    private static Object result(Class<?> type, String method, Object... args) throws Exception {
        Object sample = newSample(type);
        return invoke(sample, method, args);
    }

    private static Object newSample(Class<?> type) throws Exception {
        Object sample = type.getConstructor().newInstance();
        java.lang.reflect.Field other = type.getDeclaredField("other");
        other.setAccessible(true);
        other.set(sample, type.getConstructor().newInstance());
        return sample;
    }

    private static Object invoke(Object sample, String name, Object... args) throws Exception {
        for (Method m : sample.getClass().getMethods()) {
            if (m.getName().equals(name)) {
                return m.invoke(sample, args);
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static byte[] rewrite(boolean eliminate, boolean words) throws Exception {
        return SampleRewrites.rewrite(SAMPLE, eliminate, words);
    }

    private static Class<?> load(byte[] rewritten) throws Exception {
        return SampleRewrites.load(SAMPLE, rewritten);
    }

    /** @return per method name, the number of access-check hook calls in its rewritten code */
    private static Map<String, Integer> checksPerMethod(byte[] classFile) {
        Map<String, Integer> counts = SampleRewrites.hookCalls(classFile, CHECKS, name -> name);
        assertTrue(counts.containsKey("helper"), "the counter must see the hooks: " + counts);
        return counts;
    }

    /** @return a mark for a write check that stands for the read before it too */
    private static String coveredRead(int siteId) {
        return (siteId & Hooks.COVERS_READ) != 0 ? " (and the read before)" : "";
    }

    private final class Recorder implements HookListener {
        @Override public void read(Object owner, int fieldId, int siteId) {
            events.add("read " + Metadata.global().fieldById(fieldId).name());
        }
        @Override public void write(Object owner, int fieldId, int siteId) {
            events.add("write " + Metadata.global().fieldById(fieldId).name() + coveredRead(siteId));
        }
        @Override public void arrayRead(Object array, int index, int siteId) { events.add("arrayRead " + index); }
        @Override public void arrayWrite(Object array, int index, int siteId) {
            events.add("arrayWrite " + index + coveredRead(siteId));
        }
        @Override public void volatileRead(Object owner, int fieldId) { events.add("volatileRead"); }
        @Override public void volatileWrite(Object owner, int fieldId) { events.add("volatileWrite"); }
        @Override public void lockAcquired(Object lock, int siteId) { events.add("lock"); }
        @Override public void lockReleasing(Object lock, int siteId) { events.add("unlock"); }
        @Override public void acquire(Object key, int channel) { }
        @Override public void release(Object key, int channel) { }
        @Override public void threadStarting(Thread thread) { }
        @Override public void threadTerminated(Thread thread) { }
        @Override public void classInitialized(Class<?> type) { }
        @Override public void classUsed(Class<?> type) { }
        @Override public void callRead(Object receiver, int siteId) { }
        @Override public void callWrite(Object receiver, int siteId) { }
        @Override public void callView(Object view, Object receiver) { }
    }
}
