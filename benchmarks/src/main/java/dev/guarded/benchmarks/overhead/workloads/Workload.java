package dev.guarded.benchmarks.overhead.workloads;

/** One program the overhead harness runs plain and under the detector. */
interface Workload {

    /**
     * Runs the workload to completion.
     *
     * @param args the workload's size arguments (already checked for count by the caller)
     * @return a checksum that depends only on the sizes, so plain and detector runs can be compared
     * @throws Exception if the workload failed
     */
    long run(int[] args) throws Exception;
}
