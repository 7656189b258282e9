package dev.guarded.sync.internal;

import java.time.Duration;

/** Converts user timeouts, with one rule for every primitive. */
public final class Durations {
    private Durations() {
    }

    /**
     * Converts a timeout to nanoseconds: negative means zero (as in java.util.concurrent), values
     * beyond {@code Long.MAX_VALUE} nanoseconds (about 292 years) saturate.
     *
     * @param timeout the timeout
     * @return nanoseconds, {@code >= 0}
     * @throws NullPointerException if {@code timeout} is null
     */
    public static long toNanos(Duration timeout) {
        if (timeout == null) {
            throw new NullPointerException("timeout must not be null (use the untimed method to wait without limit)");
        }
        if (timeout.isNegative()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
