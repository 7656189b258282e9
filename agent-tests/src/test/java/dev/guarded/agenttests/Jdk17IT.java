package dev.guarded.agenttests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent attached to a JDK 17: a representative subset of the release-17 programs. Runs when
 * {@code GUARDED_JDK17_HOME} (or system property {@code guarded.jdk17.home}) names a JDK; otherwise every
 * test is reported as skipped with the reason. A value that does not name a JDK 17 fails the run: a
 * misconfigured compatibility check must not pass silently.
 */
class Jdk17IT {

    /** Constructs of the JDK 17 subset: both programs of each pair run. */
    private static final List<String> CONSTRUCTS = List.of(
            "synchronized block", "volatile flag", "VarHandle", "Thread.join", "ReentrantReadWriteLock",
            "CountDownLatch", "CF thenCombine", "ArrayBlockingQueue", "class initialization", "AsyncLock");

    /**
     * The JDK 17 home, checked. Assumed per test, not in {@code @BeforeAll}, so that each program shows up
     * as skipped, with the reason, in the reports.
     */
    private static Path jdk17() throws IOException {
        Optional<String> setting = ItPaths.jdk17Setting();
        assumeTrue(setting.isPresent(), "JDK 17 run skipped: GUARDED_JDK17_HOME is not set "
                + "(set it to a JDK 17 home, e.g. /usr/lib/jvm/java-17-openjdk-amd64)");
        Path home = Path.of(setting.get());
        Path release = home.resolve("release");
        assertTrue(Files.isExecutable(home.resolve("bin/java")), "GUARDED_JDK17_HOME=" + home + " has no bin/java");
        assertTrue(Files.exists(release), "GUARDED_JDK17_HOME=" + home + " has no 'release' file");
        String text = Files.readString(release);
        assertTrue(text.contains("JAVA_VERSION=\"17"), "GUARDED_JDK17_HOME=" + home + " is not a JDK 17: " + text
                .lines().filter(l -> l.startsWith("JAVA_VERSION")).findFirst().orElse("no JAVA_VERSION"));
        return home;
    }

    static Stream<Program> jdk17Programs() {
        return Catalogue.ALL.stream().filter(p -> p.release() == 17 && CONSTRUCTS.contains(p.construct()));
    }

    @ParameterizedTest(name = "{0} on JDK 17")
    @MethodSource("jdk17Programs")
    void behavesAsOnTheBuildJdk(Program program) throws Exception {
        ForkedRun run = ProgramRunner.forJdk(jdk17(), "jdk17").run(program, "");
        if (program.racy()) {
            RaceAssertions.assertRaceOn(run, program, program.expectedField());
        } else {
            RaceAssertions.assertNoRaces(run);
        }
    }
}
