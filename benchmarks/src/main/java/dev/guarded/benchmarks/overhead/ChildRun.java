package dev.guarded.benchmarks.overhead;

/**
 * What one child JVM reported.
 *
 * @param ok         whether the child exited 0 and printed every expected line
 * @param problem    why not, when {@code ok} is false
 * @param elapsedMs  in-process wall time of the workload (excludes JVM start-up)
 * @param totalMs    wall time of the whole child process, as the harness saw it
 * @param peakRssKb  the child's VmHWM at the end of the workload
 * @param checksum   the workload's checksum
 */
record ChildRun(boolean ok, String problem, long elapsedMs, long totalMs, long peakRssKb, long checksum) {

    static ChildRun failed(String problem, long totalMs) {
        return new ChildRun(false, problem, -1, totalMs, -1, 0);
    }
}
