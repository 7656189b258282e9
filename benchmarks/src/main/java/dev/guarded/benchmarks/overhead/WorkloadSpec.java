package dev.guarded.benchmarks.overhead;

import java.util.List;

/**
 * One row of the overhead table: a workload name understood by the child entry point, its sizes for a
 * full run and for the smoke run, and the child's maximum heap.
 *
 * @param row      the label printed in the table
 * @param workload the workload name passed to the child
 * @param full     sizes for the measured run
 * @param smoke    sizes for the smoke run (a fraction of a second)
 * @param heap     the child's {@code -Xmx} value
 */
record WorkloadSpec(String row, String workload, List<String> full, List<String> smoke, String heap) {

    /**
     * The measured workloads, in table order: plain runs of 0.1-2 s on the 2-core reference machine. Field-heavy
     * runs at full size (2 × 200,000 particles × 2,000 steps) since the detector checks shadow words inline. The
     * matrix product stays at 400×400 ×2: both threads read all of B, its elements are read-shared, and a
     * read-shared location still takes the detector's slow path on every new read (1000×1000 ×8 did not finish
     * in minutes). The library rows (7-9: one ObjectMapper shared
     * by 8 threads, a Guava LoadingCache, H2 behind HikariCP) aim at 0.5-2 s plain. {@code --size} runs larger
     * ones.
     */
    static final List<WorkloadSpec> ALL = List.of(
            new WorkloadSpec("1 field-heavy", "field", List.of("200000", "2000"), List.of("2000", "200"), "1g"),
            new WorkloadSpec("2 array-heavy", "array", List.of("400", "2"), List.of("60", "1"), "1g"),
            new WorkloadSpec("3 lock-heavy", "lock", List.of("4", "6000000"), List.of("4", "5000"), "1g"),
            new WorkloadSpec("4a vthreads-10k", "vthreads", List.of("10000", "5000"), List.of("1000", "10"), "2g"),
            new WorkloadSpec("4b vthreads-100k", "vthreads", List.of("100000", "200"), List.of("2000", "5"), "2g"),
            new WorkloadSpec("5 queue+pipeline", "pipeline", List.of("2000000", "400000"), List.of("5000", "2000"),
                    "1g"),
            new WorkloadSpec("6 caffeine", "caffeine", List.of("4", "100000"), List.of("2", "5000"), "1g"),
            new WorkloadSpec("7 jackson", "jackson", List.of("8", "2000"), List.of("8", "50"), "1g"),
            new WorkloadSpec("8 guava", "guava", List.of("4", "200000"), List.of("4", "5000"), "1g"),
            new WorkloadSpec("9 h2+hikari", "h2", List.of("4", "10000", "100"), List.of("4", "200", "50"), "1g"));

    /** The scale run: a million parked virtual threads, with room to spare (the child's heap is 8 GiB). */
    static final WorkloadSpec SCALE = new WorkloadSpec("scale 1M parked vthreads", "million-vthreads",
            List.of("1000000"), List.of("10000"), "8g");

    /** @param smokeRun whether the tiny sizes are wanted */
    List<String> sizes(boolean smokeRun) {
        return smokeRun ? smoke : full;
    }
}
