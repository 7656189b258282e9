package dev.guarded.agent.internal.detect;

import java.lang.ref.WeakReference;

/**
 * Tells, without a reference queue or a listener, that the garbage collector ran: a weak reference to an
 * object nobody else holds is cleared by the first collection that looks at it, and a new one is planted.
 * Weak tables that sweep instead of queueing ({@link WeakIdentityTable}) sweep a segment once per cycle seen
 * here, so the values of collected keys (sync clocks, shadows) die with the next collection instead of
 * lingering, and being promoted, until their segment happens to fill.
 */
final class GcCycles {

    private static volatile WeakReference<Object> sentinel = new WeakReference<>(new Object());
    private static volatile int cycle;

    private GcCycles() {
    }

    /** @return a number that changes after each collection that cleared the sentinel (young ones included) */
    static int current() {
        WeakReference<Object> s = sentinel;
        if (s.refersTo(null)) {
            advance(s);
        }
        return cycle;
    }

    private static synchronized void advance(WeakReference<Object> seen) {
        if (sentinel == seen) {
            sentinel = new WeakReference<>(new Object());
            cycle++;
        }
    }
}
