package dev.guarded.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java} on the packaged benchmarks jar in a child process and captures its output. */
public final class ChildJava {

    /** Exit status and combined output of a finished child. */
    public record Result(int exit, String output) {
    }

    private ChildJava() {
    }

    /** @return the shaded jar built by {@code package}, checked to exist */
    public static Path benchmarksJar() {
        String configured = System.getProperty("guarded.benchmarks.jar", "target/benchmarks.jar");
        Path jar = Path.of(configured);
        assertTrue(Files.isRegularFile(jar), "the shaded jar " + jar.toAbsolutePath()
                + " does not exist; run the integration tests through `mvn verify` (after package)");
        return jar;
    }

    /**
     * @param timeoutSeconds how long the child may run before the test fails
     * @param args everything after {@code java}
     * @return the exit status and output
     */
    public static Result run(long timeoutSeconds, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Path log = Files.createTempFile("guarded-bench-it", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue(exited, "child did not finish within " + timeoutSeconds + " s: " + command + "\n" + output);
        return new Result(process.exitValue(), output);
    }
}
