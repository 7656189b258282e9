package dev.guarded.agenttests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each racy program, run on the build JDK under the agent, is reported with a data race on its field. */
class RacyProgramsIT {

    static java.util.stream.Stream<Program> racyPrograms() {
        return Catalogue.racy();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("racyPrograms")
    void reportsTheRace(Program program) throws Exception {
        ForkedRun run = ProgramRunner.buildJdk().run(program, "");
        RaceAssertions.assertRaceOn(run, program, program.expectedField());
    }
}
