package dev.guarded.agent.hook;

/**
 * Replacements that instrumented code calls instead of a JDK method whose synchronization effect happens
 * in the middle of the call. Like {@link Hooks}, bootstrap-visible and dependent on nothing but
 * {@code java.base}.
 */
public final class Bridges {

    /**
     * The site id that lock operations observed inside the JDK (a {@code ReentrantLock}, a JDK monitor) report;
     * set once by the agent before any class is instrumented, -1 before.
     */
    public static volatile int jdkSite = -1;

    private Bridges() {
    }

    /**
     * Stands for {@code monitor.wait()}: the monitor is released while waiting and re-acquired after, so the
     * notifier's critical section happens-before the code after the wait.
     */
    public static void wait(Object monitor, int siteId) throws InterruptedException {
        if (!Thread.holdsLock(monitor)) {
            monitor.wait(); // throws IllegalMonitorStateException exactly as the original call would
            return;
        }
        Hooks.lockReleasing(monitor, siteId);
        try {
            monitor.wait();
        } finally {
            Hooks.lockAcquired(monitor, siteId);
        }
    }

    /** Stands for {@code monitor.wait(millis)}; see {@link #wait(Object, int)}. */
    public static void wait(Object monitor, long millis, int siteId) throws InterruptedException {
        if (!Thread.holdsLock(monitor)) {
            monitor.wait(millis);
            return;
        }
        Hooks.lockReleasing(monitor, siteId);
        try {
            monitor.wait(millis);
        } finally {
            Hooks.lockAcquired(monitor, siteId);
        }
    }

    /** Stands for {@code monitor.wait(millis, nanos)}; see {@link #wait(Object, int)}. */
    public static void wait(Object monitor, long millis, int nanos, int siteId) throws InterruptedException {
        if (!Thread.holdsLock(monitor)) {
            monitor.wait(millis, nanos);
            return;
        }
        Hooks.lockReleasing(monitor, siteId);
        try {
            monitor.wait(millis, nanos);
        } finally {
            Hooks.lockAcquired(monitor, siteId);
        }
    }
}
