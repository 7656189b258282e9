package dev.guarded.agenttests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each correctly synchronized program, run on the build JDK under the agent, yields no report at all. */
class CleanProgramsIT {

    static java.util.stream.Stream<Program> cleanPrograms() {
        return Catalogue.clean();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanPrograms")
    void reportsNothing(Program program) throws Exception {
        ForkedRun run = ProgramRunner.buildJdk().run(program, "");
        RaceAssertions.assertNoRaces(run);
    }
}
