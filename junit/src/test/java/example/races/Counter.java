package example.races;

/** A counter whose {@code value} races when two threads increment it without a lock. */
public final class Counter {

    int value;
    private int guardedValue;

    /** Unsynchronized read-modify-write: a data race when called from two threads. */
    void increment() {
        value++;
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
