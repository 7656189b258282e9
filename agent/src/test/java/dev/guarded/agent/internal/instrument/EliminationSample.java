package dev.guarded.agent.internal.instrument;

/**
 * Rewritten by {@link CheckEliminationTest} with and without check elimination; each method is one shape of
 * repeated accesses, named after what separates (or does not separate) them.
 */
public class EliminationSample {

    int a;
    int b;
    volatile int flag;
    static int counter;
    EliminationSample other;

    /** Held in another class: reading it acquires that class's initialization. */
    static final class Holder {
        static int value;
    }

    public int readRead() {
        return a + a + a;
    }

    public int writeThenRead(int v) {
        a = v;
        return a;
    }

    public int readThenWrite() {
        int t = a;
        a = t + 1;
        return t;
    }

    public void writeWrite(int v) {
        a = v;
        a = v + 1;
    }

    public int incrementTwice() {
        a++;
        a++;
        return a;
    }

    public int differentFields() {
        return a + b + a + b;
    }

    public int callBetween() {
        int t = a;
        helper();
        return t + a;
    }

    public int monitorBetween() {
        int t = a;
        synchronized (this) {
            t += a;
        }
        return t + a;
    }

    public int volatileBetween() {
        int t = a;
        int f = flag;
        return t + a + f;
    }

    public int joinPointBetween(boolean c) {
        int t = a;
        if (c) {
            t++;
        }
        return t + a;
    }

    public int fallThroughKeepsRegion(boolean c) {
        int t = a;
        if (c) {
            return t + a;
        }
        return 0;
    }

    public int loop(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += a;
        }
        return s;
    }

    public int handlerEntry() {
        int t = a;
        try {
            t += a;
        } catch (RuntimeException e) {
            t += a;
        }
        return t;
    }

    public int otherObject(EliminationSample o) {
        return a + o.a + o.a;
    }

    public int localReassigned(EliminationSample o) {
        EliminationSample p = o;
        int t = p.a;
        p = this;
        return t + p.a;
    }

    public int ownStatic() {
        counter = counter + 1;
        return counter;
    }

    public int otherClassStatic() {
        return Holder.value + Holder.value;
    }

    public int newBetween() {
        int t = a;
        Object o = new Object();
        return t + a + o.hashCode();
    }

    public int castToUnresolvedClass(Object o) {
        int t = a;
        Holder h = (Holder) o;
        return t + a + (h == null ? 0 : 1);
    }

    public int arrays(int[] d, int i) {
        d[i] = 1;
        int t = d[i] + d[i];
        i++;
        return t + d[i];
    }

    public int constantIndex(int[] d) {
        return d[0] + d[0] + d[1];
    }

    public void arrayIncrement(long[] d, int i) {
        d[i]++;
        d[i] += 2;
    }

    public int chained() {
        return other.a + other.a;
    }

    public int readBranchWrite() {
        int t = a;
        if (t > 0) {
            a = t - 1;
        }
        return t;
    }

    public int readDivideWrite(int d) {
        a = a / d;
        return a;
    }

    public int readOtherFieldWrite() {
        a = a + b;
        return a;
    }

    public void objectArraySelfStore(Object[] d, int i) {
        d[i] = d[i];
    }

    private void helper() {
        b = 1;
    }
}
