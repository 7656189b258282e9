package dev.guarded.agent.internal.detect;

import dev.guarded.options.DetectionMode;

/**
 * What each {@link DetectionMode} does with the analyses of one access: which state is kept and which findings
 * become reports. {@link RaceAnalysis#access} runs the rules and asks here; nothing mode-specific lives there.
 *
 * <ul>
 *   <li>{@code hb}: FastTrack only; no lockset state, no transfer clocks.</li>
 *   <li>{@code lockset}: Eraser only; a happens-before race is not reported, a shared-modified location
 *       with an empty candidate lockset is, once.</li>
 *   <li>{@code hybrid}: every happens-before race, plus, once per location, a write whose previous write by
 *       another logical thread was ordered before it only with the help of an incidental edge (see
 *       {@link VarState#writeOrderedByAccident}) and with no lock held at both; never on a location that
 *       had a happens-before race.</li>
 * </ul>
 */
final class ModePolicy {

    private final DetectionMode mode;

    ModePolicy(DetectionMode mode) {
        this.mode = mode;
    }

    /** @return whether accesses take the Eraser step (and so the side tables rather than shadow words) */
    boolean locksets() {
        return mode != DetectionMode.HB;
    }

    /** @return whether thread states keep a transfer clock and sync states the transfer half of releases */
    boolean tracksTransfers() {
        return mode == DetectionMode.HYBRID;
    }

    /** @return whether a happens-before race becomes a {@code data-race} report */
    boolean reportsHappensBefore() {
        return mode != DetectionMode.LOCKSET;
    }

    /**
     * Before the FastTrack rule, under the location's monitor: the prediction that needs the location's last
     * write as it was before this access.
     *
     * @return hybrid mode's candidate for an {@code unguarded} report of this write, or null
     */
    Conflict beforeAccess(ThreadState t, VarState v, boolean isWrite, LockRef[] held) {
        if (mode != DetectionMode.HYBRID || !isWrite || v.hbRaced || v.unguardedReported()) {
            return null;
        }
        return v.writeOrderedByAccident(t, held);
    }

    /**
     * After the FastTrack rule and the Eraser step, under the location's monitor: the {@code unguarded}
     * finding to report, marked reported, or null.
     *
     * @param predicted what {@link #beforeAccess} returned for this access
     * @param raced     whether this very access was a happens-before race
     */
    Conflict unguarded(ThreadState t, VarState v, Conflict predicted, boolean raced) {
        Conflict found = null;
        if (mode == DetectionMode.LOCKSET) {
            if (!v.unguardedReported() && v.locksetViolated()) {
                found = v.otherAccess(t.info, false);
            }
        } else if (mode == DetectionMode.HYBRID && predicted != null && !raced) {
            found = predicted;
        }
        if (found != null) {
            v.markUnguardedReported();
        }
        return found;
    }
}
