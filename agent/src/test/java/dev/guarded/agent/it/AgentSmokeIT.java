package dev.guarded.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import dev.guarded.report.Access;
import dev.guarded.report.Race;
import org.junit.jupiter.api.Test;

/** End-to-end checks of the packaged agent: start-up contract, instrumentation safety, and the seed race. */
class AgentSmokeIT {

    private static final String SEED = "dev.guarded.itprog.SeedRace";

    @Test
    void seedRaceWithPlatformThreadsIsReportedWithBothSites() throws Exception {
        Result run = ForkedJvm.program(SEED).args("platform", "50", "racy").run();
        assertEquals(0, run.exitCode(), run::describe);
        assertSeedRace(run);
    }

    @Test
    void seedRaceWithTenThousandVirtualThreadsIsReportedWithBothSites() throws Exception {
        Result run = ForkedJvm.program(SEED).args("virtual", "10000", "racy").run();
        assertEquals(0, run.exitCode(), run::describe);
        assertSeedRace(run);
    }

    private static void assertSeedRace(Result run) throws Exception {
        List<Race> races = run.racesOn(SEED + ".value");
        assertFalse(races.isEmpty(), run::describe);
        for (Race race : races) {
            assertEquals(2, race.accesses().size(), race::toString);
            for (Access access : race.accesses()) {
                assertFalse(access.frames().isEmpty(), race::toString);
                assertEquals(SEED, access.frames().get(0).className(), race::toString);
                assertTrue(access.frames().get(0).line() > 0, race::toString);
            }
        }
    }

    @Test
    void seedWithSynchronizedIsCleanOnPlatformAndVirtualThreads() throws Exception {
        for (String kind : List.of("platform", "virtual")) {
            Result run = ForkedJvm.program(SEED).args(kind, kind.equals("virtual") ? "2000" : "50", "synchronized")
                    .run();
            assertEquals(0, run.exitCode(), run::describe);
            assertTrue(run.stdout().contains("value=" + (kind.equals("virtual") ? 2000 : 50)), run::describe);
            assertEquals(0, run.report().raceCount(), run::describe);
        }
    }

    @Test
    void badOptionStopsTheJvmWithStatusTwoAndOneLineNamingIt() throws Exception {
        Result run = ForkedJvm.program(SEED).args("platform", "1", "racy").withoutReport()
                .agentOptions("mode=hb,colour=red").run();
        assertEquals(2, run.exitCode(), run::describe);
        assertEquals(1, run.agentLines().size(), run::describe);
        assertTrue(run.agentLines().get(0).contains("colour"), run::describe);
        assertFalse(run.stdout().contains("value="), "the program must not run: " + run.describe());
    }

    @Test
    void unwritableReportPathStopsTheJvmAtStartWithOneLine() throws Exception {
        Path notADirectory = Files.createTempFile("guarded-it", ".txt");
        try {
            Result run = ForkedJvm.program(SEED).args("platform", "1", "racy").withoutReport()
                    .agentOptions("report=" + notADirectory.resolve("races.json")).run();
            assertEquals(2, run.exitCode(), run::describe);
            assertEquals(List.of("guarded: report=" + notADirectory.resolve("races.json") + " cannot be written: "
                    + notADirectory + " is not a directory"), run.agentLines(), run::describe);
            assertFalse(run.stdout().contains("value="), "the program must not run: " + run.describe());
        } finally {
            Files.delete(notADirectory);
        }
    }

    @Test
    void includePatternThatMatchedNothingIsNamedOnceAtExitAndReportsAre0644() throws Exception {
        Result run = ForkedJvm.program(SEED).args("platform", "2", "synchronized")
                .agentOptions("quiet,include=dev.guarded.itprog.**;dev.guarded.itprgo.**").run();
        assertEquals(0, run.exitCode(), run::describe);
        List<String> warnings = run.agentLines().stream().filter(l -> l.contains("matched no class")).toList();
        assertEquals(List.of("guarded: warning: include pattern dev.guarded.itprgo.** matched no class loaded by this JVM"),
                warnings, run::describe);
        if (run.reportFile().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.reportFile())));
        }
    }

    @Test
    void classTooLargeToInstrumentRunsUnwatchedWithOneWarning() throws Exception {
        Result run = ForkedJvm.program("dev.guarded.itprog.HugeInitializer").run();
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("size=7000"), run::describe);
        List<String> warnings = run.agentLines().stream().filter(l -> l.contains("could not instrument")).toList();
        assertEquals(1, warnings.size(), run::describe);
        assertTrue(warnings.get(0).contains("dev.guarded.itprog.HugeInitializer"), run::describe);
        assertTrue(warnings.get(0).endsWith("it runs unwatched"), run::describe);
    }

    @Test
    void instrumentedCodeBehavesExactlyAsBeforeUnderFullVerification() throws Exception {
        Result plain = ForkedJvm.program("dev.guarded.itprog.BytecodeShapes").withoutReport()
                .agentOptions("exclude=dev.guarded.itprog.**,quiet").run();
        Result watched = ForkedJvm.program("dev.guarded.itprog.BytecodeShapes").jvmArgs("-Xverify:all").run();
        assertEquals(0, plain.exitCode(), plain::describe);
        assertEquals(0, watched.exitCode(), watched::describe);
        assertTrue(plain.stdout().contains("varhandles true 41 42 99 on"), plain::describe);
        assertEquals(plain.stdout(), watched.stdout(), watched::describe);
        assertFalse(watched.stderr().contains("could not instrument"), watched::describe);
        assertFalse(watched.stderr().contains("VerifyError"), watched::describe);
    }

    @Test
    void onlyTheHookPackageIsBootstrapVisibleAndClassDataSharingStaysOn() throws Exception {
        String jdk17 = System.getProperty("guarded.jdk17.home", "");
        List<String> homes = jdk17.isBlank() || jdk17.startsWith("${")
                ? List.of(System.getProperty("java.home")) : List.of(System.getProperty("java.home"), jdk17);
        for (String home : homes) {
            Result run = ForkedJvm.program("dev.guarded.itprog.LoaderLayout").javaHome(home).run();
            assertEquals(0, run.exitCode(), run::describe);
            for (String loader : List.of("boot", "platform")) {
                assertTrue(run.stdout().contains(loader + ":dev.guarded.agent.hook.Hooks=true"), run::describe);
                assertTrue(run.stdout().contains(loader + ":dev.guarded.agent.hook.RaceLog=true"), run::describe);
                assertTrue(run.stdout().contains(loader + ":dev.guarded.agent.internal.detect.Detector=false"),
                        run::describe);
                assertTrue(run.stdout().contains(loader + ":dev.guarded.agent.shaded.asm.ClassReader=false"),
                        run::describe);
            }
            // Appending to the bootstrap search path would print this and switch off CDS for non-boot classes.
            assertFalse((run.stdout() + run.stderr()).contains("Sharing is only supported"), run::describe);
        }
    }
}
