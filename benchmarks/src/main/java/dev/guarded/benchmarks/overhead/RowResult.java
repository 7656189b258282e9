package dev.guarded.benchmarks.overhead;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Every run of one workload, plain and under the detector, and the medians the table prints. */
final class RowResult {

    final WorkloadSpec spec;
    final List<ChildRun> plain = new ArrayList<>();
    final List<ChildRun> detector = new ArrayList<>();

    RowResult(WorkloadSpec spec) {
        this.spec = spec;
    }

    /** @return the first failure among the runs, or null when every run succeeded */
    String problem() {
        for (ChildRun run : plain) {
            if (!run.ok()) {
                return "plain: " + run.problem();
            }
        }
        for (ChildRun run : detector) {
            if (!run.ok()) {
                return "detector: " + run.problem();
            }
        }
        if (!plain.isEmpty() && !detector.isEmpty()
                && plain.get(0).checksum() != detector.get(0).checksum()) {
            return "checksum differs: plain " + plain.get(0).checksum() + ", detector " + detector.get(0).checksum();
        }
        return null;
    }

    /** @return whether the detector side ran at all */
    boolean hasDetector() {
        return !detector.isEmpty();
    }

    static double median(List<ChildRun> runs, ToLongFunction<ChildRun> metric) {
        double[] values = runs.stream().mapToDouble(r -> metric.applyAsLong(r)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** @return median detector/plain ratio of the in-process wall time */
    double timeRatio() {
        return median(detector, ChildRun::elapsedMs) / median(plain, ChildRun::elapsedMs);
    }

    /** @return median detector/plain ratio of the whole child process time */
    double totalRatio() {
        return median(detector, ChildRun::totalMs) / median(plain, ChildRun::totalMs);
    }

    /** @return median detector/plain ratio of peak RSS */
    double rssRatio() {
        return median(detector, ChildRun::peakRssKb) / median(plain, ChildRun::peakRssKb);
    }
}
