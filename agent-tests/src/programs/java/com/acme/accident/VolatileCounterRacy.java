package com.acme.accident;

import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/** A {@code volatile} hit count incremented through a field updater, and a plain {@code counter} beside it. */
public final class VolatileCounterRacy {
    static final AtomicLongFieldUpdater<VolatileCounterRacy> HITS =
            AtomicLongFieldUpdater.newUpdater(VolatileCounterRacy.class, "hits");
    static final VolatileCounterRacy STATS = new VolatileCounterRacy();
    static int counter;

    private volatile long hits;

    public static void main(String[] args) throws Exception {
        Timing.inOrder(() -> {
            counter++;
            HITS.incrementAndGet(STATS);
        }, () -> {
            HITS.incrementAndGet(STATS);
            counter++;
        });
    }
}
