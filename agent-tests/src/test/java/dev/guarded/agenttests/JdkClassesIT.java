package dev.guarded.agenttests;

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK-classes group ({@code com.acme.jdk}) run {@link #REPEATS} more times each on the build JDK, on top
 * of the single run {@link RacyProgramsIT} and {@link CleanProgramsIT} give every program: a racy program
 * must be reported, and a clean one must stay quiet, in every run, whatever the interleaving. The issue asks
 * for 20 of 20; 20 runs of the group's 38 programs take several minutes on a 2-core machine, far above the
 * minute the suite may spend on it, so the build repeats 3 times (4 runs in all with the ones above).
 */
class JdkClassesIT {

    /** Extra runs per program; see the class comment for why not 20. */
    static final int REPEATS = 3;

    static Stream<Arguments> jdkPrograms() {
        return Catalogue.ALL.stream().filter(p -> p.mainClass().startsWith("com.acme.jdk."))
                .flatMap(p -> IntStream.rangeClosed(1, REPEATS).mapToObj(run -> Arguments.of(p, run)));
    }

    @ParameterizedTest(name = "{0} run {1}")
    @MethodSource("jdkPrograms")
    void behavesTheSameEveryRun(Program program, int run) throws Exception {
        ForkedRun result = ProgramRunner.forJdk(Path.of(System.getProperty("java.home")),
                "jdk" + Runtime.version().feature() + "-repeat" + run).run(program, "");
        if (program.racy()) {
            RaceAssertions.assertRaceOn(result, program, program.expectedField());
        } else {
            RaceAssertions.assertNoRaces(result);
        }
    }
}
