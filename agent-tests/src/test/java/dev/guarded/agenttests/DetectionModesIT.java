package dev.guarded.agenttests;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detection modes end to end: programs run under {@code mode=lockset}, {@code mode=hybrid} (and one under
 * the default {@code hb} for contrast), each with the exact set of findings, kind and field, its report must
 * hold. The pairs are chosen so that each mode's rule decides the outcome (agent/README.md, "Detection
 * modes"): lockset reports only {@code unguarded}, for any location written by several threads without a
 * common lock, ordered or not; hybrid reports every happens-before race as a {@code data-race} and adds
 * {@code unguarded} only for a write ordered after another thread's write by an incidental edge (a lock not
 * held at both, a counter), not by a hand-off, with no common lock ({@link HybridModeIT} runs its group).
 */
class DetectionModesIT {

    private static final String RACY_BLOCK = "com.acme.monitor.SynchronizedBlockRacy";
    private static final String RACY_LOCK = "com.acme.locks.ReentrantLockRacy";
    private static final String HANDOFF = "com.acme.modes.HandoffWithoutLock";
    private static final String ALWAYS_LOCKED = "com.acme.modes.AlwaysLocked";
    private static final String CLEAN_BLOCK = "com.acme.monitor.SynchronizedBlockClean";

    static Stream<Arguments> runs() {
        return Stream.of(
                // lockset: only a lock held at every access keeps a location quiet. A write outside the lock
                // is unguarded; so are writes ordered by semaphores, and so is SynchronizedBlockClean, whose
                // main thread reads the total after join() without the lock (Eraser's known false positive).
                run("lockset", ALWAYS_LOCKED),
                run("lockset", CLEAN_BLOCK, "unguarded " + CLEAN_BLOCK + ".counter"),
                run("lockset", RACY_BLOCK, "unguarded " + RACY_BLOCK + ".counter"),
                run("lockset", RACY_LOCK, "unguarded " + RACY_LOCK + ".counter"),
                run("lockset", HANDOFF, "unguarded " + HANDOFF + ".counter"),
                run("lockset", "com.acme.coll.LinkedBlockingQueueClean"),
                // hybrid: writes ordered by hand-offs (semaphore turns, a queue, join()) are ownership transfers
                // and stay quiet, as do writes under a common lock (racy pairs: racyInHybridMode below).
                run("hybrid", ALWAYS_LOCKED),
                run("hybrid", CLEAN_BLOCK),
                run("hybrid", HANDOFF),
                run("hybrid", "com.acme.accident.UnrelatedMonitorRacy",
                        "unguarded com.acme.accident.UnrelatedMonitorRacy.counter"),
                run("hybrid", "com.acme.coll.LinkedBlockingQueueClean"),
                // hb: the same lock-free handoff is correctly synchronized.
                run("hb", HANDOFF));
    }

    private static Arguments run(String mode, String mainClass, String... findings) {
        Program program = new Program("mode=" + mode, mainClass, findings.length > 0, null, 17);
        return Arguments.of(mode, program, Set.of(findings));
    }

    @ParameterizedTest(name = "mode={0} {1}")
    @MethodSource("runs")
    void reportsExactlyTheFindingsOfTheMode(String mode, Program program, Set<String> findings) throws Exception {
        // One report folder per mode: the same program runs in several modes.
        ForkedRun run = ProgramRunner.forJdk(Path.of(System.getProperty("java.home")), "mode-" + mode)
                .run(program, "mode=" + mode);
        RaceAssertions.assertFindings(run, findings);
    }

    static Stream<String> racyInHybridMode() {
        return Stream.of(RACY_BLOCK, RACY_LOCK);
    }

    /**
     * Hybrid mode on a racy pair: the happens-before race is always a {@code data-race}. Whether an
     * {@code unguarded} report comes first depends on the schedule: when a write outside the lock was ordered
     * after the other thread's write by the lock alone (an incidental edge) before the threads first ran
     * unordered, the prediction is made, and a location is never predicted after its first race.
     */
    @ParameterizedTest(name = "mode=hybrid {0}")
    @MethodSource("racyInHybridMode")
    void racyPairsAreDataRacesInHybridMode(String mainClass) throws Exception {
        Program program = new Program("mode=hybrid", mainClass, true, null, 17);
        ForkedRun run = ProgramRunner.forJdk(Path.of(System.getProperty("java.home")), "mode-hybrid")
                .run(program, "mode=hybrid");
        String race = "data-race " + mainClass + ".counter";
        RaceAssertions.assertFindingsWithin(run, Set.of(race), Set.of(race, "unguarded " + mainClass + ".counter"));
    }
}
