package example.races;

/** A counter whose {@code value} races when two threads increment it without a lock. */
public final class Counter {

    int value;
    int hits;
    int misses;
    private int guardedValue;

    /** Unsynchronized read-modify-write: a data race when called from two threads. */
    void increment() {
        value++;
    }

    /**
     * Races on {@code hits}. The agent reports each distinct race (field and code locations) once per JVM, so
     * every fixture that must fail races at a site of its own.
     */
    void hit() {
        hits++;
    }

    /** Races on {@code misses}. */
    void miss() {
        misses++;
    }

    /** The same under the counter's monitor: no race. */
    synchronized void incrementSafely() {
        guardedValue++;
    }

    synchronized int guardedValue() {
        return guardedValue;
    }

    /** Runs {@code action} in two threads started together and waits for both. */
    static void inTwoThreads(Runnable action) throws InterruptedException {
        Thread first = new Thread(action, "racer-1");
        Thread second = new Thread(action, "racer-2");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
