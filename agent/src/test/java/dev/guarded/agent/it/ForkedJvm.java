package dev.guarded.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one program in a fresh JVM under {@code -javaagent:} the packaged, shaded agent jar, and captures its
 * exit status, stdout, stderr and JSON report. Paths come from system properties that failsafe sets (see
 * {@code agent/pom.xml}): {@code guarded.agent.jar}, {@code guarded.it.programs} (the program classes, kept
 * apart from the agent's), {@code guarded.it.reports} (where reports are written). The forked JVM is the
 * one running the tests unless {@link #javaHome(String)} names another (e.g. {@code guarded.jdk17.home}).
 *
 * <pre>{@code
 * ForkedJvm.Result r = ForkedJvm.program("dev.guarded.itprog.SeedRace").args("platform", "50", "racy").run();
 * assertEquals(0, r.exitCode(), r::describe);
 * r.report().races() ...
 * }</pre>
 */
public final class ForkedJvm {

    private static final AtomicLong RUNS = new AtomicLong();

    private final String mainClass;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> classpath = new ArrayList<>();
    private String agentOptions = "";
    private String javaHome = System.getProperty("java.home");
    private Duration timeout = Duration.ofMinutes(2);
    private boolean withReport = true;

    private ForkedJvm(String mainClass) {
        this.mainClass = mainClass;
        classpath.add(property("guarded.it.programs"));
    }

    /** @param mainClass binary name of a class under {@code src/it-programs/java} */
    public static ForkedJvm program(String mainClass) {
        return new ForkedJvm(mainClass);
    }

    /** The program's own arguments. */
    public ForkedJvm args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    /** Extra JVM options, e.g. {@code -Xverify:all}. */
    public ForkedJvm jvmArgs(String... values) {
        jvmArgs.addAll(List.of(values));
        return this;
    }

    /** Extra class path entries after the programs folder. */
    public ForkedJvm classpath(String... entries) {
        classpath.addAll(List.of(entries));
        return this;
    }

    /** Agent options after {@code =}, without {@code report=} (added unless {@link #withoutReport()}). */
    public ForkedJvm agentOptions(String options) {
        agentOptions = options;
        return this;
    }

    /** Runs without adding {@code report=} (for tests of the option parser). */
    public ForkedJvm withoutReport() {
        withReport = false;
        return this;
    }

    /** Runs another JDK's {@code bin/java}. */
    public ForkedJvm javaHome(String home) {
        javaHome = home;
        return this;
    }

    /** How long the program may run before it is killed and the test fails. */
    public ForkedJvm timeout(Duration value) {
        timeout = value;
        return this;
    }

    /** Starts the JVM, waits for it, and returns what it did. */
    public Result run() throws IOException, InterruptedException {
        Path reports = Paths.get(property("guarded.it.reports"));
        Files.createDirectories(reports);
        String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        Path report = reports.resolve(simpleName + "-" + ProcessHandle.current().pid() + "-"
                + RUNS.incrementAndGet() + ".json");
        Files.deleteIfExists(report);
        String options = agentOptions;
        if (withReport) {
            options = (options.isEmpty() ? "" : options + ",") + "report=" + report;
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(javaHome, "bin", "java").toString());
        command.add("-javaagent:" + property("guarded.agent.jar") + (options.isEmpty() ? "" : "=" + options));
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        Path out = Files.createTempFile(reports, simpleName, ".out");
        Path err = Files.createTempFile(reports, simpleName, ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        return new Result(command, finished ? process.exitValue() : -1, !finished,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                withReport ? report : null);
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the ITs through failsafe "
                    + "(mvn -pl agent verify), which sets it");
        }
        return value;
    }
}
