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
 * {@code unguarded} only for a location written by two threads, without a common lock, whose accesses were
 * ordered.
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
                // hybrid: a happens-before race is a data-race and is not reported again as unguarded; writes
                // by two threads that were ordered but share no lock are unguarded; one writer handing data
                // over, and a read after join(), stay quiet.
                run("hybrid", ALWAYS_LOCKED),
                run("hybrid", CLEAN_BLOCK),
                run("hybrid", RACY_BLOCK, "data-race " + RACY_BLOCK + ".counter"),
                run("hybrid", RACY_LOCK, "data-race " + RACY_LOCK + ".counter"),
                run("hybrid", HANDOFF, "unguarded " + HANDOFF + ".counter"),
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
}
