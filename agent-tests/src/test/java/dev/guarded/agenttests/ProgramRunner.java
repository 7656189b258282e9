package dev.guarded.agenttests;

import dev.guarded.report.Report;
import dev.guarded.report.reader.JsonReportReader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one program in a forked JVM under {@code -javaagent:} the packaged agent jar and collects what it did.
 *
 * <p>The forked class path holds only the compiled programs and guarded-core's jar: the agent reaches the
 * program solely through {@code -javaagent:}, as it does for users. Output and reports are kept under
 * {@code target/it-reports/<jdk>/} so that a failure can be inspected after the build.
 */
final class ProgramRunner {

    /** Hard limit per program; the slowest (10,000 virtual threads) needs a few seconds. */
    static final long TIMEOUT_SECONDS = 60;

    private final Path javaHome;
    private final String jdkLabel;

    private ProgramRunner(Path javaHome, String jdkLabel) {
        this.javaHome = javaHome;
        this.jdkLabel = jdkLabel;
    }

    /** @return a runner for the JDK that runs the tests (the build JDK) */
    static ProgramRunner buildJdk() {
        return new ProgramRunner(Path.of(System.getProperty("java.home")),
                "jdk" + Runtime.version().feature());
    }

    /**
     * @param javaHome a JDK or JRE home with {@code bin/java}
     * @param label    short name for the report folder, e.g. "jdk17"
     * @return a runner for that JDK
     */
    static ProgramRunner forJdk(Path javaHome, String label) {
        return new ProgramRunner(javaHome, label);
    }

    /**
     * Runs {@code program} with {@code report=<file>,quiet} plus {@code extraOptions} (may be empty).
     *
     * @return the run; never null (a timeout is a run with {@code timedOut})
     */
    ForkedRun run(Program program, String extraOptions) throws IOException, InterruptedException {
        return run(program, extraOptions, List.of(program.mainClass()), TIMEOUT_SECONDS);
    }

    /**
     * Runs {@code launch} (a main class and its arguments, e.g. a runner that repeats {@code program}) on
     * {@code program}'s class path, reporting into {@code program}'s report files, as {@link #run(Program, String)},
     * but with a timeout of {@code timeoutSeconds} (a run that repeats a program needs more than one run's).
     */
    ForkedRun run(Program program, String extraOptions, List<String> launch, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path dir = ItPaths.reports().resolve(jdkLabel);
        Files.createDirectories(dir);
        String base = program.simpleName();
        Path report = dir.resolve(base + ".json");
        Path out = dir.resolve(base + ".out");
        Path err = dir.resolve(base + ".err");
        Files.deleteIfExists(report);

        String agentArgs = "report=" + report.toAbsolutePath() + ",quiet"
                + (extraOptions.isEmpty() ? "" : "," + extraOptions) + extraAgentOptions();
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        // C1 only and the serial collector: these programs run for a second, and the machine has 2 cores.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        // extra flags from the build (e.g. -Xcomp, -Xverify:all, -XX:TieredStopAtLevel=4); later flags win
        command.addAll(extraJvmArgs());
        command.add("-javaagent:" + ItPaths.agentJar() + "=" + agentArgs);
        command.add("-cp");
        command.add(classPath(program));
        command.addAll(launch);

        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        int exit = finished ? process.exitValue() : -1;
        Report parsed = null;
        String text = null;
        String problem = null;
        if (!Files.exists(report)) {
            problem = "no report file at " + report;
        } else {
            text = Files.readString(report, StandardCharsets.UTF_8);
            try {
                parsed = JsonReportReader.parse(text);
            } catch (IllegalArgumentException e) {
                problem = "unreadable report " + report + ": " + e.getMessage();
            }
        }
        return new ForkedRun(String.join(" ", command), exit, !finished,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                parsed, text, problem);
    }

    /**
     * The system property that adds JVM flags to every forked program, separated by spaces, e.g.
     * {@code mvn ... verify -Dguarded.it.jvmArgs="-Xcomp -Xverify:all"}.
     */
    static final String JVM_ARGS_PROPERTY = "guarded.it.jvmArgs";

    /** @return the flags of {@link #JVM_ARGS_PROPERTY}, none when it is unset or blank */
    static List<String> extraJvmArgs() {
        String value = System.getProperty(JVM_ARGS_PROPERTY, "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    /**
     * The system property that adds agent options to every forked program after the program's own, e.g.
     * {@code mvn ... verify -Dguarded.it.agentOptions=words=false} (the catalogue with the side tables only).
     */
    static final String AGENT_OPTIONS_PROPERTY = "guarded.it.agentOptions";

    /** @return {@code ,} and the options of {@link #AGENT_OPTIONS_PROPERTY}, or nothing when it is unset or blank */
    static String extraAgentOptions() {
        String value = System.getProperty(AGENT_OPTIONS_PROPERTY, "").trim();
        return value.isEmpty() ? "" : "," + value;
    }

    private static String classPath(Program program) {
        List<String> entries = new ArrayList<>();
        if (program.release() >= 21) {
            entries.add(ItPaths.programs21().toString());
        }
        entries.add(ItPaths.programs17().toString());
        entries.add(ItPaths.coreJar().toString());
        return String.join(File.pathSeparator, entries);
    }
}
