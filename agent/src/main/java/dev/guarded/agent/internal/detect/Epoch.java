package dev.guarded.agent.internal.detect;

/**
 * FastTrack epochs {@code c@t} packed in a long: the clock value in the high 40 bits, the thread's slot in the
 * low 24 bits. 0 means "no access yet" (clock values start at 1). 2^24 slots bound the number of threads
 * alive at once; 2^40 bounds the releases one slot performs over the run.
 */
final class Epoch {

    static final int TID_BITS = 24;
    static final int MAX_TID = (1 << TID_BITS) - 1;
    static final long NONE = 0L;

    private Epoch() {
    }

    static long make(int tid, long clock) {
        return (clock << TID_BITS) | tid;
    }

    static int tid(long epoch) {
        return (int) (epoch & MAX_TID);
    }

    static long clock(long epoch) {
        return epoch >>> TID_BITS;
    }

    static String toString(long epoch) {
        return epoch == NONE ? "none" : clock(epoch) + "@" + tid(epoch);
    }
}
