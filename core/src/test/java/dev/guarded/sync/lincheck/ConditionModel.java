package dev.guarded.sync.lincheck;

/**
 * Sequential specification of {@code AsyncCondition} as {@link AsyncConditionLincheckTest} drives
 * it (every operation holds the lock for its whole critical section): a count of waiters, notified
 * oldest first.
 */
public class ConditionModel {
    private int waiting;

    public void waitAsync() {
        waiting++;
    }

    public void signal() {
        if (waiting > 0) {
            waiting--;
        }
    }

    public void signalAll() {
        waiting = 0;
    }

    public int queueLength() {
        return waiting;
    }
}
