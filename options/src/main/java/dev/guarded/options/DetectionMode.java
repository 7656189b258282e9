package dev.guarded.options;

import java.util.Locale;

/**
 * What the detector reports. The option is {@code mode=hb|lockset|hybrid}; the default is {@link #HB}.
 *
 * <p>Both analyses always run over the same events; the mode only decides which findings become reports.
 */
public enum DetectionMode {

    /**
     * Happens-before only (the default). A {@code "data-race"} is reported when two accesses to the same
     * location, at least one a write, are not ordered by happens-before in the observed execution (FastTrack
     * vector clocks). Every report is a real race of that execution: no false alarms as long as every
     * synchronization the program used is modelled.
     */
    HB,

    /**
     * Eraser's lockset discipline only. An {@code "unguarded"} report is made when a location reaches the
     * shared-modified state (accessed by a second thread, and written after that) and the intersection of the
     * locks held at all its accesses since it left the exclusive state is empty. Initialisation by one thread
     * followed by read-only sharing stays quiet. It predicts races the schedule did not expose, but it also
     * flags locations handed over safely through non-lock synchronization (queues, volatile flags, futures).
     */
    LOCKSET,

    /**
     * Happens-before, plus a prediction from ordered writes. Every happens-before race is reported as a
     * {@code "data-race"}. In addition, a write is reported once per location as {@code "unguarded"} when the
     * previous write, by another thread, happens-before it only with the help of an incidental edge (a lock
     * or monitor acquisition, a counting atomic such as {@code incrementAndGet} or a {@code LongAdder}, a
     * {@code ConcurrentHashMap.merge}), no lock was held at both writes, and the location had no
     * happens-before race: this run ordered the two writes by accident, another schedule races.
     *
     * <p>Deliberately not reported: ownership transfer, i.e. writes ordered through hand-off edges alone
     * (thread start and join, executors and futures, queues, exchangers, latches, barriers, semaphores,
     * volatile and atomic publication, compare-and-set, a return from {@code wait}/{@code await}), even
     * through a chain of them; locations guarded by a common lock; reads (only write after write is
     * checked). A hand-off signalled through a lock-guarded flag is reported, like an unrelated lock. The
     * report names the locks held at both writes.
     */
    HYBRID;

    /** @return the option spelling, e.g. {@code hb} */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the option value, ignoring case ({@code HB} is {@code hb}).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static DetectionMode parse(String value) {
        for (DetectionMode m : values()) {
            if (m.optionName().equalsIgnoreCase(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode=" + value + " is not one of hb, lockset, hybrid");
    }
}
