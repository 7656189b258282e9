package dev.guarded.agenttests;

import dev.guarded.report.Access;
import dev.guarded.report.Race;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Verdicts that do not depend on the schedule (issue 11): each racy program of {@link Catalogue#SCHEDULE} must be
 * reported in 20 of 20 runs, each clean twin clean in 20 of 20.
 *
 * <p>How the 20 runs are counted. Twenty forked JVMs per program would cost about 15 minutes for this group;
 * instead each program runs its scenario {@code Slots.ITERATIONS} (20) times inside one JVM, every iteration
 * with fresh executors, futures, timers or threads where the scenario allows (the common pool and the
 * fork/join, scheduled and timer threads of some programs are shared between iterations, as they are by a
 * real program), and iteration {@code i} touches only its own static field {@code Slots.s<i>}. The detector
 * keeps one shadow location per field and reports one race per field and pair of sites, so iteration
 * {@code i}'s race can only appear as a report on {@code Slots.s<i>}: a racy program passes only when all 20
 * fields {@code s00..s19} are reported, i.e. the race was caught in each of the 20 iterations. A clean twin
 * passes only with no report at all over its 20 iterations. What the iterations share is one JVM (JIT state,
 * warm pools): the schedules still differ between iterations, and the claim is per iteration, not per JVM.
 */
class ScheduleSensitivityIT {

    static Stream<Program> racyPrograms() {
        return Catalogue.SCHEDULE.stream().filter(Program::racy);
    }

    static Stream<Program> cleanPrograms() {
        return Catalogue.SCHEDULE.stream().filter(p -> !p.racy());
    }

    /** Runs the program and requires a race on {@code Slots.s<i>} for every iteration {@code i}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("racyPrograms")
    void everyIterationIsReported(Program program) throws Exception {
        ForkedRun run = ProgramRunner.buildJdk().run(program, "");
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            expected.add(program.expectedField() + String.format("%02d", i));
        }
        RaceAssertions.assertRanCleanly(run);
        Set<String> reported = new TreeSet<>();
        for (Race race : run.report().races()) {
            if (Race.DATA_RACE.equals(race.kind()) && expected.contains(race.field())) {
                String problem = accessProblem(race, program);
                if (problem != null) {
                    fail("race on " + race.field() + " reported, but " + problem + "\n" + run.describe());
                }
                reported.add(race.field());
            }
        }
        List<String> missed = new ArrayList<>(expected);
        missed.removeAll(reported);
        if (!missed.isEmpty()) {
            fail("race reported in " + (expected.size() - missed.size()) + " of " + expected.size()
                    + " iterations; missed " + missed + "\n"
                    + run.describe());
        }
    }

    /**
     * The accesses are in {@code Slots.get/set}; the previous access is reported by its site alone, so only
     * the current access's stack can show the program: it must, and one of the two accesses must be a write.
     */
    private static String accessProblem(Race race, Program program) {
        List<Access> accesses = race.accesses();
        if (accesses.size() != 2) {
            return "it has " + accesses.size() + " accesses instead of 2";
        }
        boolean anyWrite = false;
        boolean programFrame = false;
        for (Access access : accesses) {
            anyWrite |= "write".equals(access.op());
            programFrame |= RaceAssertions.hasProgramFrame(access.frames(), program);
        }
        if (!anyWrite) {
            return "neither access is a write";
        }
        return programFrame ? null : "no access has a frame in " + program.mainClass();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanPrograms")
    void noIterationIsReported(Program program) throws Exception {
        RaceAssertions.assertNoRaces(ProgramRunner.buildJdk().run(program, ""));
    }
}
