package dev.guarded.sync.lincheck;

/**
 * Sequential specification of a two-party {@code AsyncBarrier}: arrivals fill a cycle that trips
 * at two; {@code abort} breaks it (failing the waiting party), {@code reset} repairs it (failing
 * the waiting party); arriving at a broken barrier fails at once.
 */
public class BarrierModel {
    private static final int PARTIES = 2;
    private int waiting;
    private boolean broken;

    public void arrive() {
        if (!broken && ++waiting == PARTIES) {
            waiting = 0;
        }
    }

    public void abort() {
        broken = true;
        waiting = 0;
    }

    public void reset() {
        broken = false;
        waiting = 0;
    }

    public boolean isBroken() {
        return broken;
    }
}
