package dev.guarded.agenttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        return run(program, extraOptions, List.of(), TIMEOUT_SECONDS);
    }

    /**
     * Runs {@code program} like {@link #run(Program, String)}, with command-line arguments and a time limit
     * of its own (a {@code com.acme.batch.Batch} of programs takes longer than one program).
     *
     * @return the run; never null (a timeout is a run with {@code timedOut})
     */
    ForkedRun run(Program program, String extraOptions, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path dir = ItPaths.reports().resolve(jdkLabel);
        Files.createDirectories(dir);
        String base = program.simpleName();
        Path report = dir.resolve(base + ".json");
        Path out = dir.resolve(base + ".out");
        Path err = dir.resolve(base + ".err");
        Files.deleteIfExists(report);

        String agentArgs = "report=" + report.toAbsolutePath() + ",quiet"
                + (extraOptions.isEmpty() ? "" : "," + extraOptions);
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        // C1 only and the serial collector: these programs run for a second, and the machine has 2 cores.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-javaagent:" + ItPaths.agentJar() + "=" + agentArgs);
        command.add("-cp");
        command.add(classPath(program));
        command.add(program.mainClass());
        command.addAll(args);

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
        JsonNode parsed = null;
        String problem = null;
        if (!Files.exists(report)) {
            problem = "no report file at " + report;
        } else {
            try {
                parsed = JSON.readTree(report.toFile());
            } catch (IOException e) {
                problem = "unparseable report " + report + ": " + e.getMessage();
            }
        }
        return new ForkedRun(String.join(" ", command), exit, !finished,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                parsed, problem);
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
