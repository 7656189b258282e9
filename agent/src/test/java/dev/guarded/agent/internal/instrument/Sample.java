package dev.guarded.agent.internal.instrument;

/** Instrumented by {@link ClassInstrumenterTest}; each method is one bytecode shape. */
public class Sample {

    static long total;
    volatile long stamp;
    final int fixed = 3;
    int value;
    double[] data = new double[4];

    public int increment() {
        int tmp = value;
        value = tmp + 1;
        return fixed;
    }

    public long addTotal(long n) {
        total += n;
        return total;
    }

    public long touchStamp() {
        stamp = stamp + 1;
        return stamp;
    }

    public double arrays() {
        data[2] = 1.5;
        return data[2];
    }

    public synchronized int lockedThrow(boolean fail) {
        if (fail) {
            throw new IllegalStateException("fail");
        }
        return value;
    }

    /** Calls on JDK objects: no argument, one argument, a long argument, a view, an unmodifiable wrapper. */
    public String jdkCalls(java.util.List<Integer> list, StringBuilder sb) {
        list.add(7);
        java.util.Iterator<Integer> it = list.iterator();
        int first = it.next();
        sb.insert(0, 42L).append(first);
        java.util.List<Integer> view = java.util.Collections.unmodifiableList(list);
        return sb.toString() + view.size() + list.getClass().getSimpleName().length();
    }

    /** ThreadLocal calls: each get, set and remove is reported with its ThreadLocal before the call. */
    public String threadLocalCalls(ThreadLocal<String> local) {
        local.set("a");
        String seen = local.get();
        local.remove();
        return seen + local.get();
    }
}
