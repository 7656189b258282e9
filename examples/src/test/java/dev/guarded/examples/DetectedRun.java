package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.guarded.report.Report;
import dev.guarded.report.reader.JsonReportReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code examples/run-example <name> --detect...} in its own JVM, with the packaged agent: the
 * way a user runs it. Missing prerequisites fail the test with a message; they never skip it.
 *
 * @param exitCode the launcher's exit status
 * @param stdout   what the program (and the agent) printed on standard output
 * @param stderr   what was printed on standard error (the agent's text report goes here)
 * @param report   the JSON report, read by the one report reader, or null when the run did not ask for one
 * @param reportText the JSON report's text, for assertion messages, or null when the run did not ask for one
 */
record DetectedRun(int exitCode, String stdout, String stderr, Report report, String reportText) {

    private static final long TIMEOUT_SECONDS = 180;

    /** Runs the example with {@code --detect=<agentOptions>}, or plain {@code --detect} when options are empty. */
    static DetectedRun of(String example, String agentOptions) throws IOException, InterruptedException {
        Path launcher = Path.of(required("guarded.examples.launcher")).normalize();
        Path agent = Path.of(required("guarded.agent.jar")).normalize();
        assertTrue(Files.isRegularFile(agent), "the packaged agent " + agent + " does not exist; build it with"
                + " mvn -pl examples -am verify");
        List<String> command = new ArrayList<>(List.of(launcher.toString(), example));
        command.add(agentOptions.isEmpty() ? "--detect" : "--detect=" + agentOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        // The launcher runs $JAVA_HOME/bin/java: use the JDK running this test (21+, the build's JDK).
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile("guarded-example-", ".out");
        Path err = Files.createTempFile("guarded-example-", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(example + " under the detector did not finish in " + TIMEOUT_SECONDS + " s; stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        DetectedRun run = new DetectedRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), null, null);
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Runs the example with a JSON report written to a fresh file, and returns the run with the parsed report. */
    static DetectedRun withReport(String example) throws IOException, InterruptedException {
        Path json = Files.createTempFile("guarded-report-", ".json");
        Files.delete(json);
        DetectedRun run = of(example, "report=" + json);
        assertTrue(Files.isRegularFile(json), "no JSON report from " + example + " " + run.describe());
        String text = Files.readString(json, StandardCharsets.UTF_8);
        Report report = JsonReportReader.read(json);
        Files.delete(json);
        return new DetectedRun(run.exitCode, run.stdout, run.stderr, report, text);
    }

    /** @return the exit code and both streams, for assertion messages */
    String describe() {
        return "(exit " + exitCode + ")\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            fail("system property " + property + " is not set; run the ITs through Maven failsafe");
        }
        return value;
    }
}
