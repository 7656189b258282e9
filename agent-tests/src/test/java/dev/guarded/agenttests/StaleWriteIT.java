package dev.guarded.agenttests;

import dev.guarded.report.Access;
import dev.guarded.report.Race;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Stale writes between async flows (issue 12): programs of {@code com.acme.stale} (release 21), pairs of a racy
 * flow program, reported with a {@code stale-write} on its field, and a clean twin, reported with nothing at
 * all. Each racy program misuses the construct it is named after so that the write-back crosses a suspension
 * while another flow writes; each clean twin holds the lock or permit across the suspension, runs its flows
 * one after the other, does not suspend between the read and the write, or writes after the suspension without
 * using what it read before it.
 */
class StaleWriteIT {

    /** The group, clean and racy, in construct order. */
    static final List<Program> STALE;

    static {
        List<Program> stale = new ArrayList<>();
        for (String[] p : new String[][] {
            {"CF chains on one executor", "CfChainOneExecutor", "$Counter.value"},
            {"CF thenCompose", "ThenCompose", ".value"},
            {"scheduled continuation", "ScheduledContinuation", ".value"},
            {"CF delayedExecutor continuation", "DelayedExecutor", ".value"},
            {"Guarded AsyncLock across a suspension", "AsyncLock", ".value"},
            {"Guarded AsyncSemaphore permit across a suspension", "AsyncSemaphore", ".value"},
            {"event loop: handler posts its continuation", "EventLoop", ".value"},
            {"CF whenCompleteAsync write-back", "WhenComplete", ".value"},
            {"CF flows on an array element", "ArrayElement", "int[]"},
            {"CF thenCombineAsync with a signal", "ThenCombine", ".value"},
            {"task submits its continuation", "SubmitFromTask", ".value"},
            {"CF runAsync/thenRunAsync with a step object", "StepObject", "$Account.balance"},
            {"event loop: a setter's value read back before a suspension", "ReadBack", "com.acme.stale.Register.value"},
        }) {
            String stem = "com.acme.stale." + p[1];
            String field = p[2].endsWith("[]") || p[2].startsWith("com.") ? p[2] : stem + "Racy" + p[2];
            stale.add(new Program(p[0], stem + "Clean", false, null, 21));
            stale.add(new Program(p[0], stem + "Racy", true, field, 21));
        }
        STALE = Collections.unmodifiableList(stale);
    }

    static Stream<Program> racyPrograms() {
        return STALE.stream().filter(Program::racy);
    }

    static Stream<Program> cleanPrograms() {
        return STALE.stream().filter(p -> !p.racy());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("racyPrograms")
    void reportsTheStaleWrite(Program program) throws Exception {
        assertStaleWriteReported(ProgramRunner.buildJdk().run(program, ""), program);
    }

    /**
     * Leaving out the checks the instrumenter proves redundant loses no stale write: with every access checked
     * the same write-back is reported. (The read a flow writes back must reach the flow log even where its
     * check is left out.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("racyPrograms")
    void reportsTheStaleWriteWithEveryAccessChecked(Program program) throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assertStaleWriteReported(ProgramRunner.forJdk(javaHome, "eliminate-off").run(program, "eliminate=false"),
                program);
    }

    private static void assertStaleWriteReported(ForkedRun run, Program program) {
        RaceAssertions.assertRanCleanly(run);
        List<String> seen = new ArrayList<>();
        // The report reader has checked summary.staleWrites against the races listed.
        for (Race race : run.report().races()) {
            seen.add(race.kind() + " " + race.field());
            if (Race.STALE_WRITE.equals(race.kind()) && program.expectedField().equals(race.field())) {
                String problem = accessProblem(race, program);
                if (problem != null) {
                    fail("stale write on " + program.expectedField() + " reported, but " + problem + "\n"
                            + run.describe());
                }
                return;
            }
        }
        fail("expected a stale write on " + program.expectedField() + ", reported: " + seen + "\n" + run.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanPrograms")
    void reportsNothing(Program program) throws Exception {
        RaceAssertions.assertNoRaces(ProgramRunner.buildJdk().run(program, ""));
    }

    /**
     * A stale write names this write, the other flow's write and the earlier read, each with a frame of the
     * program (class, method, positive line), then where the reading flow suspended.
     */
    private static String accessProblem(Race race, Program program) {
        List<Access> accesses = race.accesses();
        String[] ops = {"write", "write", "read", "suspended"};
        if (accesses.size() != ops.length) {
            return "it has " + accesses.size() + " entries instead of 4";
        }
        for (int i = 0; i < ops.length; i++) {
            Access access = accesses.get(i);
            if (!ops[i].equals(access.op())) {
                return "entry " + i + " has op \"" + access.op() + "\" instead of " + ops[i];
            }
            if (i < 3 && !RaceAssertions.hasProgramFrame(access.frames(), program)) {
                return "entry " + i + " (" + ops[i] + ") has no frame in " + program.mainClass();
            }
        }
        if (accesses.get(3).frames().isEmpty()) {
            return "it does not say where the flow suspended";
        }
        if (accesses.get(0).thread().equals(accesses.get(1).thread())) {
            return "the other write is attributed to the writing flow itself";
        }
        return null;
    }
}
