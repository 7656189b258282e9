package dev.guarded.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Detector overhead: runs each workload in child JVMs, plain and under {@code -javaagent}, alternating
 * (plain first on odd pairs, detector first on even pairs, so drift in machine load hits both sides),
 * and prints median time and peak-RSS ratios per workload and their geometric means. Exit status 1 when
 * any run failed or plain and detector checksums differ; 2 on bad options.
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.guarded.benchmarks.overhead.OverheadHarness} (see {@link HarnessOptions#USAGE}).
 */
public final class OverheadHarness {

    private OverheadHarness() {
    }

    /**
     * @param args see {@link HarnessOptions#USAGE}
     * @throws IOException if a child could not be started
     * @throws InterruptedException if interrupted while waiting for a child
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("overhead harness: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.logDir());
        System.out.println("# agent: " + (options.plainOnly() ? "none (--plain-only)"
                : options.agentJar() + "=" + options.agentArgs()) + "; runs: " + options.runs()
                + (options.smoke() ? "; SMOKE sizes" : "") + "; child logs: " + options.logDir());
        ChildLauncher launcher = new ChildLauncher(options, options.logDir());
        List<WorkloadSpec> specs = new ArrayList<>();
        for (WorkloadSpec spec : WorkloadSpec.ALL) {
            if (options.wants(spec)) {
                specs.add(spec);
            }
        }
        if (options.scale() && options.wants(WorkloadSpec.SCALE)) {
            specs.add(WorkloadSpec.SCALE);
        }
        List<RowResult> rows = new ArrayList<>();
        for (WorkloadSpec spec : specs) {
            RowResult row = new RowResult(spec);
            int pairs = spec == WorkloadSpec.SCALE ? 1 : options.runs();
            for (int pair = 1; pair <= pairs && row.problem() == null; pair++) {
                boolean detectorFirst = pair % 2 == 0 && !options.plainOnly();
                runOne(launcher, row, detectorFirst, pair, options);
                if (!options.plainOnly()) {
                    runOne(launcher, row, !detectorFirst, pair, options);
                }
            }
            rows.add(row);
        }
        System.out.println();
        ResultTable.print(rows, System.out);
        boolean failed = rows.stream().anyMatch(r -> r.problem() != null);
        System.exit(failed ? 1 : 0);
    }

    private static void runOne(ChildLauncher launcher, RowResult row, boolean detector, int pair,
                               HarnessOptions options) throws IOException, InterruptedException {
        ChildRun run = launcher.run(row.spec, detector, Integer.toString(pair));
        (detector ? row.detector : row.plain).add(run);
        System.out.printf("# %-26s pair %d %-8s %s%n", row.spec.row(), pair, detector ? "detector" : "plain",
                run.ok() ? run.elapsedMs() + " ms in-process, " + run.totalMs() + " ms total, peak RSS "
                        + run.peakRssKb() / 1024 + " MB, checksum " + run.checksum()
                        : "FAILED " + run.problem());
        System.out.flush();
    }
}
