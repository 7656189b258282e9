package dev.guarded.benchmarks.overhead;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the overhead table: medians and ratios per workload, then the geometric means of the ratios. */
final class ResultTable {

    private static final String FORMAT = "%-26s %10s %10s %8s %8s %9s %9s %8s  %s%n";

    private ResultTable() {
    }

    static void print(List<RowResult> rows, PrintStream out) {
        out.printf(Locale.ROOT, FORMAT, "workload", "plain ms", "agent ms", "time x", "total x",
                "plain MB", "agent MB", "RSS x", "status");
        double logTime = 0;
        double logTotal = 0;
        double logRss = 0;
        int counted = 0;
        for (RowResult row : rows) {
            String problem = row.problem();
            boolean ratios = problem == null && row.hasDetector();
            out.printf(Locale.ROOT, FORMAT, row.spec.row(),
                    number(RowResult.median(row.plain, ChildRun::elapsedMs), 0),
                    number(RowResult.median(row.detector, ChildRun::elapsedMs), 0),
                    ratios ? number(row.timeRatio(), 2) : "-",
                    ratios ? number(row.totalRatio(), 2) : "-",
                    number(RowResult.median(row.plain, ChildRun::peakRssKb) / 1024, 0),
                    number(RowResult.median(row.detector, ChildRun::peakRssKb) / 1024, 0),
                    ratios ? number(row.rssRatio(), 2) : "-",
                    problem == null ? "ok" : "FAILED " + problem);
            if (ratios && row.spec != WorkloadSpec.SCALE) {
                logTime += Math.log(row.timeRatio());
                logTotal += Math.log(row.totalRatio());
                logRss += Math.log(row.rssRatio());
                counted++;
            }
        }
        if (counted > 0) {
            out.printf(Locale.ROOT, FORMAT, "geometric mean (" + counted + ")", "", "",
                    number(Math.exp(logTime / counted), 2), number(Math.exp(logTotal / counted), 2), "", "",
                    number(Math.exp(logRss / counted), 2), "(scale run excluded)");
        }
    }

    private static String number(double value, int decimals) {
        if (Double.isNaN(value) || value < 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
