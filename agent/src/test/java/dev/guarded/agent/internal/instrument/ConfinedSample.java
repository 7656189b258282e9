package dev.guarded.agent.internal.instrument;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Rewritten by {@link ConfinedArraysTest}: each method allocates a small array and lets it reach one more kind of
 * place; the test counts the element checks that remain in the method and in its lambda bodies.
 */
public class ConfinedSample {

    final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
    int[] saved;
    final ConcurrentHashMap<String, int[]> arrays = new ConcurrentHashMap<>();

    /** Has a method named {@code compute} but is no JDK map: nothing says when it runs the function. */
    public static final class NotAJdkMap {
        public Integer compute(String key, BiFunction<String, Integer, Integer> function) {
            return function.apply(key, null);
        }
    }

    public int localCell(int x) {
        int[] c = new int[1];
        c[0] = x;
        c[0] += x;
        return c[0];
    }

    public Object computeCell(String k) {
        Object[] old = new Object[1];
        map.compute(k, (key, v) -> {
            old[0] = v;
            return v == null ? 1 : v + 1;
        });
        return old[0];
    }

    public int optionalCell(String k) {
        int[] n = new int[1];
        Optional.ofNullable(k).map(s -> {
            n[0] = s.length();
            return s;
        });
        return n[0];
    }

    public int passedToCall(int x) {
        int[] c = new int[1];
        fill(c, x);
        return c[0];
    }

    public int storedInField(int x) {
        int[] c = new int[1];
        saved = c;
        c[0] = x;
        return c[0];
    }

    public int lambdaToThread(int x) throws InterruptedException {
        int[] c = new int[1];
        Thread t = new Thread(() -> c[0] = x);
        t.start();
        t.join();
        return c[0];
    }

    public int lambdaStoredFirst(String k) {
        int[] c = new int[1];
        BiFunction<String, Integer, Integer> f = (key, v) -> {
            c[0]++;
            return v;
        };
        map.compute(k, f);
        return c[0];
    }

    public int userCompute(String k) {
        int[] c = new int[1];
        new NotAJdkMap().compute(k, (key, v) -> {
            c[0]++;
            return v;
        });
        return c[0];
    }

    /** The cell goes to a JDK map's compute and to a thread: the thread may touch it at any time. */
    public int capturedTwice(String k) throws InterruptedException {
        int[] c = new int[1];
        Thread t = new Thread(() -> c[0] += 1);
        t.start();
        t.join();
        map.compute(k, (key, v) -> {
            c[0] += 10;
            return v;
        });
        return c[0];
    }

    public int dupIntoCall(int x) {
        int[] c;
        fill(c = new int[1], x);
        return c[0];
    }

    public int[] returned() {
        int[] c = new int[1];
        c[0] = 1;
        return c;
    }

    public int parameter(int[] a) {
        a[0]++;
        return a[0];
    }

    public int valueOnStackAtBranch(boolean b) {
        int[] c = new int[1];
        c[0] = b ? 1 : 2;
        return c[0];
    }

    public int storedIntoArray() {
        int[] c = new int[1];
        Object[] holder = new Object[1];
        holder[0] = c;
        c[0] = 3;
        return c[0] + ((int[]) holder[0])[0];
    }

    public int hashOf(String a, String b) {
        return java.util.Objects.hash(a, b);
    }

    public String formatted(int x) {
        Object[] args = {x};
        return String.format("%d", args);
    }

    public String stringFromChars(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = 'a';
        }
        return new String(c);
    }

    /** {@code Method.invoke} passes the elements on; {@code getMethod}'s parameter-type array is not followed. */
    public Object reflect(String s) throws ReflectiveOperationException {
        return String.class.getMethod("concat", String.class).invoke(s, new Object[] {"x"});
    }

    /** {@code Arrays.asList} keeps the array: the list writes through to it. */
    public String asListKeeps(String a) {
        String[] array = {a};
        java.util.List<String> list = java.util.Arrays.asList(array);
        array[0] = "b";
        return list.get(0);
    }

    /** The callback's own arguments are the map's arrays, shared with every thread: only captures are confined. */
    public int mergeArguments(String k) {
        int[] mine = {1};
        return arrays.merge(k, mine, (old, add) -> {
            old[0] += add[0];
            return old;
        })[0];
    }

    private static void fill(int[] a, int x) {
        a[0] = x;
    }
}
