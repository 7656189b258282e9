package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rewrites {@link ConfinedSample} with check elimination on and off and counts, per method and per lambda body,
 * the element checks that remain: an array the invocation allocated keeps no check while it reaches nothing but
 * its own locals, a JDK compute-style callback and JDK calls that only borrow it; every other way out (a call, a
 * field, another array, a return, a thread's lambda, a lambda stored first, a map that is not the JDK's, a JDK
 * call that keeps it) keeps them. Then runs both
 * rewrites to see that results do not change and which accesses still reach the detector.
 */
class ConfinedArraysTest {

    private static final String SAMPLE = ConfinedSample.class.getName();
    private static final Set<String> ELEMENT_CHECKS = Set.of("arrayRead", "arrayWrite", "elementRead",
            "elementWrite");

    /** Per method (lambda bodies as {@code name->}): element checks with elimination, and without. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        expect("localCell", 0, 4);
        expect("computeCell", 0, 1);
        expect("computeCell->", 0, 1);
        expect("optionalCell", 0, 1);
        expect("optionalCell->", 0, 1);
        expect("passedToCall", 1, 1);
        expect("fill", 1, 1);
        expect("storedInField", 1, 2);           // the read after the write: left out as redundant, not confined
        expect("lambdaToThread", 1, 1);
        expect("lambdaToThread->", 1, 1);
        expect("lambdaStoredFirst", 1, 1);
        expect("lambdaStoredFirst->", 1, 2);
        expect("userCompute", 1, 1);
        expect("userCompute->", 1, 2);
        expect("capturedTwice", 1, 1);
        expect("capturedTwice->", 2, 4);         // both bodies keep their checks
        expect("dupIntoCall", 1, 1);
        expect("returned", 1, 1);
        expect("parameter", 1, 3);
        expect("valueOnStackAtBranch", 2, 2);  // carried across a branch: not followed
        expect("storedIntoArray", 2, 5);         // holder's two accesses go; c's write and the read through holder stay
        expect("hashOf", 0, 2);                  // the varargs array's initializer
        expect("formatted", 0, 1);
        expect("stringFromChars", 0, 1);
        expect("asListKeeps", 2, 2);
        expect("reflect", 1, 2);
        expect("mergeArguments", 2, 2);          // the initializer's store and the read of the result
        expect("mergeArguments->", 2, 3);        // old[0] += add[0]: a write covering its read, and add's read
    }

    private static void expect(String method, int withElimination, int without) {
        EXPECTED.put(method, new int[] {withElimination, without});
    }

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    @Test
    void onlyArraysThatStayInTheirThreadLoseTheirChecks() throws Exception {
        for (boolean words : new boolean[] {false, true}) {
            Map<String, Integer> with = elementChecks(rewrite(true, words));
            Map<String, Integer> without = elementChecks(rewrite(false, words));
            for (Map.Entry<String, int[]> e : EXPECTED.entrySet()) {
                assertEquals(e.getValue()[0], with.getOrDefault(e.getKey(), 0), e.getKey() + " with elimination");
                assertEquals(e.getValue()[1], without.getOrDefault(e.getKey(), 0), e.getKey() + " without");
            }
        }
    }

    @Test
    void resultsDoNotChangeAndEscapedCellsStillReachTheDetector() throws Exception {
        List<String> events = new ArrayList<>();
        Hooks.install(recorder(events));
        Class<?> with = load(rewrite(true, false));
        Class<?> without = load(rewrite(false, false));
        Map<String, Object[]> calls = new LinkedHashMap<>();
        calls.put("localCell", new Object[] {3});
        calls.put("computeCell", new Object[] {"k"});
        calls.put("optionalCell", new Object[] {"four"});
        calls.put("passedToCall", new Object[] {5});
        calls.put("lambdaToThread", new Object[] {6});
        calls.put("userCompute", new Object[] {"k"});
        calls.put("capturedTwice", new Object[] {"k"});
        calls.put("storedIntoArray", new Object[0]);
        calls.put("hashOf", new Object[] {"a", "b"});
        calls.put("formatted", new Object[] {7});
        calls.put("stringFromChars", new Object[] {3});
        calls.put("asListKeeps", new Object[] {"a"});
        calls.put("reflect", new Object[] {"a"});
        calls.put("mergeArguments", new Object[] {"k"});
        for (Map.Entry<String, Object[]> call : calls.entrySet()) {
            assertEquals(invoke(without, call.getKey(), call.getValue()), invoke(with, call.getKey(), call.getValue()),
                    call.getKey());
        }
        events.clear();
        invoke(with, "computeCell", "k");
        invoke(with, "localCell", 1);
        assertEquals(List.of(), events, "confined cells reach the detector");
        invoke(with, "capturedTwice", "k");
        assertEquals(List.of("arrayWrite", "arrayWrite", "arrayRead"), events,
                "the thread's write, the compute body's write, the caller's read");
    }

    private static Object invoke(Class<?> type, String name, Object... args) throws Exception {
        Object sample = type.getConstructor().newInstance();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return m.invoke(sample, args);
            }
        }
        throw new NoSuchMethodException(name);
    }

    /** A listener that records the names of element checks and does what the defaults do for the rest. */
    private static HookListener recorder(List<String> events) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault() && !ELEMENT_CHECKS.contains(method.getName())) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (ELEMENT_CHECKS.contains(method.getName())) {
                synchronized (events) {
                    events.add(method.getName().startsWith("element")
                            ? "array" + method.getName().substring("element".length()) : method.getName());
                }
            }
            return null;
        };
        return (HookListener) Proxy.newProxyInstance(HookListener.class.getClassLoader(),
                new Class<?>[] {HookListener.class}, handler);
    }

    private static byte[] rewrite(boolean eliminate, boolean words) throws Exception {
        return SampleRewrites.rewrite(SAMPLE, eliminate, words);
    }

    private static Class<?> load(byte[] rewritten) throws Exception {
        return SampleRewrites.load(SAMPLE, rewritten);
    }

    /** @return per method, its element-check hook calls; a lambda body's count under {@code enclosing->} */
    private static Map<String, Integer> elementChecks(byte[] classFile) {
        Map<String, Integer> counts = SampleRewrites.hookCalls(classFile, ELEMENT_CHECKS,
                name -> name.startsWith("lambda$") ? name.substring(7, name.indexOf('$', 7)) + "->" : name);
        assertTrue(counts.containsKey("fill"), "the counter must see the hooks: " + counts);
        return counts;
    }
}
