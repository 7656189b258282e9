package dev.guarded.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static ChildRun run(long elapsed, long rssKb) {
        return new ChildRun(true, "", elapsed, elapsed + 100, rssKb, 7);
    }

    private static RowResult row(WorkloadSpec spec, long[] plain, long[] detector, long plainRss, long agentRss) {
        RowResult row = new RowResult(spec);
        for (long ms : plain) {
            row.plain.add(run(ms, plainRss));
        }
        for (long ms : detector) {
            row.detector.add(run(ms, agentRss));
        }
        return row;
    }

    @Test
    void ratiosUseMediansNotMeans() {
        RowResult row = row(WorkloadSpec.ALL.get(0), new long[] {100, 1000, 110}, new long[] {300, 330, 9000},
                1024, 2048);
        assertEquals(330.0 / 110.0, row.timeRatio(), 1e-9);
        assertEquals(2.0, row.rssRatio(), 1e-9);
        assertNull(row.problem());
    }

    @Test
    void geometricMeanOfTheRatiosExcludesTheScaleRun() {
        RowResult twice = row(WorkloadSpec.ALL.get(0), new long[] {100}, new long[] {200}, 1024, 1024);
        RowResult eightTimes = row(WorkloadSpec.ALL.get(1), new long[] {100}, new long[] {800}, 1024, 4096);
        RowResult scale = row(WorkloadSpec.SCALE, new long[] {100}, new long[] {100_000}, 1024, 1024);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultTable.print(List.of(twice, eightTimes, scale), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String geo = bytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("geometric mean (2)")).findFirst().orElseThrow();
        // sqrt(2 * 8) = 4 for time; sqrt(1 * 4) = 2 for RSS.
        assertTrue(geo.matches("geometric mean \\(2\\)\\s+4\\.00\\s+\\S+\\s+2\\.00\\s+\\(scale run excluded\\)"), geo);
    }

    @Test
    void aFailedOrDivergentRunIsReportedNotAveraged() {
        RowResult failed = row(WorkloadSpec.ALL.get(0), new long[] {100}, new long[] {}, 1024, 1024);
        failed.detector.add(ChildRun.failed("exit status 3 (log x)", 50));
        assertEquals("detector: exit status 3 (log x)", failed.problem());

        RowResult divergent = row(WorkloadSpec.ALL.get(1), new long[] {100}, new long[] {}, 1024, 1024);
        divergent.detector.add(new ChildRun(true, "", 100, 200, 1024, 8));
        assertEquals("checksum differs: plain 7, detector 8", divergent.problem());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultTable.print(List.of(failed, divergent), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("FAILED detector: exit status 3"), table);
        assertTrue(table.contains("FAILED checksum differs"), table);
        assertTrue(table.lines().noneMatch(l -> l.startsWith("geometric mean")), table);
    }
}
