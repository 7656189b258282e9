package dev.guarded.agenttests;

import dev.guarded.report.Race;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The JDK-classes group ({@code com.acme.jdk}, issue 15) held to "20 of 20 runs": each racy program must be
 * reported in each of {@link #ITERATIONS} runs, each clean twin must stay quiet in all of them.
 *
 * <p>How the runs are counted (the technique of {@link ScheduleSensitivityIT}, adapted). Twenty forked JVMs per
 * program would cost minutes for the group's 38 programs; instead one JVM runs the program's {@code main}
 * {@link #ITERATIONS} times through {@code com.acme.jdk.Iterations}, each time in a class loader of its own:
 * fresh classes, statics and objects, and, since the agent instruments each loading anew, call sites of its
 * own. The detector reports one race per location name and pair of sites, so without fresh sites the 2nd to
 * 20th iteration's race ({@code java.util.HashMap}, put vs put, same lines) would be folded into the first
 * report. The runner prints, after each iteration, the first line of every race the detector recorded during
 * it. A racy program passes only when every iteration has a race on its JDK class, every reported race on that
 * class passes the checks of {@link RaceAssertions#assertRaceOn} (a write, both call sites in the program with
 * their methods, the object named), and the JSON report names at least as many distinct objects as there were
 * iterations. A clean twin passes only with no report at all. What the iterations share is one JVM (JIT state,
 * the JDK's classes): the schedules still differ, and the claim is per iteration. The iterator of
 * {@code ConcurrentModificationRacy} throws in some iterations and not in others (it prints which); the race
 * is required in every iteration either way.
 */
class JdkClassesIT {

    /** Runs per program: the issue's "20 of 20". */
    static final int ITERATIONS = 20;

    private static final String RUNNER = "com.acme.jdk.Iterations";

    /**
     * Per program, for all its iterations: each is a class loading and a short run, a few seconds on a loaded
     * 2-core machine; one run's 60 s would fail a slow machine, not the detector.
     */
    private static final long TIMEOUT_SECONDS = 240;

    static Stream<Program> jdkPrograms() {
        return Catalogue.ALL.stream().filter(p -> p.mainClass().startsWith("com.acme.jdk."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdkPrograms")
    void behavesTheSameInEveryIteration(Program program) throws Exception {
        // A folder of its own: RacyProgramsIT and CleanProgramsIT may run the same program at the same time.
        ForkedRun run = ProgramRunner.forJdk(Path.of(System.getProperty("java.home")),
                "jdk" + Runtime.version().feature() + "-iterations").run(program, "",
                List.of(RUNNER, program.mainClass(), Integer.toString(ITERATIONS)), TIMEOUT_SECONDS);
        if (!program.racy()) {
            RaceAssertions.assertNoRaces(run);
            return;
        }
        RaceAssertions.assertRanCleanly(run);
        String expected = "data race on " + program.expectedField() + "@";
        Set<Integer> reported = new TreeSet<>();
        for (String line : run.stdout().lines().toList()) {
            if (line.startsWith("iteration ") && line.contains(expected)) {
                reported.add(Integer.parseInt(line.substring("iteration ".length(), line.indexOf(':'))));
            }
        }
        List<Integer> missed = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            if (!reported.contains(i)) {
                missed.add(i);
            }
        }
        if (!missed.isEmpty()) {
            fail("race on " + program.expectedField() + " reported in " + reported.size() + " of " + ITERATIONS
                    + " iterations; missed iterations " + missed + "\n" + run.describe());
        }
        RaceAssertions.assertEveryRaceOn(run, program, program.expectedField());
        Set<String> objects = new TreeSet<>();
        for (Race race : run.report().races()) {
            if (program.expectedField().equals(race.field())) {
                objects.add(race.object());
            }
        }
        if (objects.size() < ITERATIONS) {
            fail("the report names " + objects.size() + " distinct " + program.expectedField() + " objects for "
                    + ITERATIONS + " iterations, each of which made its own\n" + run.describe());
        }
    }
}
