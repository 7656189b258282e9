package dev.guarded.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts one workload in a child JVM, plain or under the agent, and reads back what it printed. */
final class ChildLauncher {

    private static final String MAIN = "dev.guarded.benchmarks.overhead.workloads.WorkloadMain";

    private final HarnessOptions options;
    private final Path logDir;

    ChildLauncher(HarnessOptions options, Path logDir) {
        this.options = options;
        this.logDir = logDir;
    }

    /**
     * @param spec     the workload
     * @param detector whether to add {@code -javaagent}
     * @param label    distinguishes this run's log file
     * @return what the child reported
     * @throws IOException if the child could not be started or its output read
     * @throws InterruptedException if interrupted while waiting for the child
     */
    ChildRun run(WorkloadSpec spec, boolean detector, String label) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(options.java());
        command.add("-Xmx" + spec.heap());
        if (detector) {
            command.add("-javaagent:" + options.agentJar() + "=" + options.agentArgs());
            command.addAll(options.detectorJvmArgs());
        }
        command.add("-cp");
        command.add(options.classPath());
        command.add(MAIN);
        command.add(spec.workload());
        List<String> sizes = options.sizesFor(spec);
        command.addAll(sizes);
        Path log = logDir.resolve(spec.workload() + "-" + String.join("x", sizes)
                + "-" + (detector ? "agent" : "plain") + "-" + label + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(options.timeoutSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        long totalMs = (System.nanoTime() - start) / 1_000_000;
        if (!exited) {
            return ChildRun.failed("timeout after " + options.timeoutSeconds() + " s (log " + log + ")", totalMs);
        }
        return parse(Files.readAllLines(log), process.exitValue(), totalMs, log);
    }

    private static ChildRun parse(List<String> lines, int exit, long totalMs, Path log) {
        if (exit != 0) {
            return ChildRun.failed("exit status " + exit + " (log " + log + ")", totalMs);
        }
        Long elapsed = value(lines, "guarded.elapsed.ms=");
        Long rss = value(lines, "guarded.vmhwm.kb=");
        Long checksum = value(lines, "guarded.checksum=");
        if (elapsed == null || rss == null || checksum == null) {
            return ChildRun.failed("missing guarded.* result lines (log " + log + ")", totalMs);
        }
        return new ChildRun(true, "", elapsed, totalMs, rss, checksum);
    }

    private static Long value(List<String> lines, String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return Long.parseLong(line.substring(prefix.length()).trim());
            }
        }
        return null;
    }
}
