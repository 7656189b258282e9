package dev.guarded.agenttests;

import static org.junit.jupiter.api.Assertions.fail;

import dev.guarded.report.Access;
import dev.guarded.report.Frame;
import dev.guarded.report.Race;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mode {@code hybrid} end to end (agent/README.md, "Detection modes"): the "ordered by accident" group
 * ({@link Catalogue#ACCIDENTS}) is reported as {@code unguarded} and is clean in mode {@code hb}; the clean
 * catalogue reports nothing and every racy program of the catalogue is still reported. The catalogue runs in
 * batches, many programs per JVM ({@code com.acme.batch.Batch}), to keep the suite's time small.
 */
class HybridModeIT {

    /** Programs per batch JVM: small enough that a batch stays well inside {@link #BATCH_TIMEOUT_SECONDS}. */
    private static final int BATCH_SIZE = 48;
    private static final long BATCH_TIMEOUT_SECONDS = 300;
    private static final String BATCH = "com.acme.batch.Batch";

    /** Each program of the group is reported as {@code unguarded} on its counter, and nothing else is. */
    @Test
    void orderedByAccidentIsUnguarded() throws Exception {
        ForkedRun run = runBatch("hybrid-accidents", Catalogue.ACCIDENTS, "mode=hybrid");
        RaceAssertions.assertFindings(run, Catalogue.ACCIDENTS.stream()
                .map(p -> "unguarded " + p.expectedField()).collect(Collectors.toSet()));
    }

    @Test
    void orderedByAccidentIsFreeOfHappensBeforeRaces() throws Exception {
        ForkedRun run = runBatch("hb-accidents", Catalogue.ACCIDENTS, "mode=hb");
        RaceAssertions.assertFindings(run, Set.of());
    }

    static Stream<Arguments> cleanBatches() {
        return batches("hybrid-clean", Catalogue.clean().collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanBatches")
    void cleanProgramsStayQuiet(String label, List<Program> batch) throws Exception {
        RaceAssertions.assertFindings(runBatch(label, batch, "mode=hybrid"), Set.of());
    }

    static Stream<Arguments> racyBatches() {
        return batches("hybrid-racy", Catalogue.racy().collect(Collectors.toList()));
    }

    /**
     * Each racy program's field is reported (as a {@code data-race}, or as {@code unguarded} where this run
     * happened to order the accesses) by an access in that program's code. Racy programs may fail their own
     * checks, so the batch's exit status is not asked for.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("racyBatches")
    void racyProgramsAreStillReported(String label, List<Program> batch) throws Exception {
        ForkedRun run = runBatch(label, batch, "mode=hybrid");
        if (run.timedOut() || run.report() == null) {
            fail("batch did not finish with a report\n" + run.describe());
        }
        List<String> missing = new ArrayList<>();
        for (Program program : batch) {
            if (!reported(run.report().races(), program)) {
                missing.add(program.simpleName() + " (" + program.expectedField() + ")");
            }
        }
        if (!missing.isEmpty()) {
            fail("not reported in mode=hybrid: " + missing + "\n" + run.describe());
        }
    }

    private static boolean reported(List<Race> races, Program program) {
        for (Race race : races) {
            if (program.expectedField().equals(race.field())) {
                for (Access access : race.accesses()) {
                    for (Frame frame : access.frames()) {
                        String cls = frame.className();
                        if (cls.equals(program.mainClass()) || cls.startsWith(program.mainClass() + "$")) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static Stream<Arguments> batches(String label, List<Program> programs) {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < programs.size(); i += BATCH_SIZE) {
            List<Program> batch = programs.subList(i, Math.min(programs.size(), i + BATCH_SIZE));
            out.add(Arguments.of(label + "-" + (i / BATCH_SIZE + 1), batch));
        }
        return out.stream();
    }

    private static ForkedRun runBatch(String label, List<Program> batch, String options) throws Exception {
        int release = batch.stream().mapToInt(Program::release).max().orElse(17);
        Program program = new Program(label, BATCH, false, null, release);
        List<String> launch = new ArrayList<>();
        launch.add(BATCH);
        batch.stream().map(Program::mainClass).forEach(launch::add);
        return runner(label).run(program, options, launch, BATCH_TIMEOUT_SECONDS);
    }

    /** One report folder per label: the report file is named after the main class, Batch for every batch. */
    private static ProgramRunner runner(String label) {
        return ProgramRunner.forJdk(Path.of(System.getProperty("java.home")), label);
    }
}
