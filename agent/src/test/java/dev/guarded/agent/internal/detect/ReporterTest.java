package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Report;
import dev.guarded.report.reader.JsonReportReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterTest {

    @Test
    void finishWritesBothFilesAndTheSummaryOnce(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out/races.json");
        Path sarif = dir.resolve("out/races.sarif");
        Harness h = new Harness("report=" + json + ",sarif=" + sarif);
        ThreadState a = h.thread("a");
        ThreadState b = h.thread("b");
        Object o = new Object();
        h.write(a, o);
        h.read(b, o);
        Report report = h.d.finish();
        assertEquals(1, report.raceCount());
        assertEquals(report, JsonReportReader.read(json));
        assertTrue(Files.readString(sarif).contains("\"ruleId\":\"data-race\""));
        assertTrue(h.output().endsWith("Guarded: 1 data race in 1 field (0 suppressed)\n"), h.output());
        Files.delete(json);
        h.d.finish();
        assertFalse(Files.exists(json), "reports are written once");
    }

    @Test
    void quietPrintsNothingButStillRecords() {
        Harness h = new Harness("quiet");
        Object o = new Object();
        h.write(h.thread("a"), o);
        h.write(h.thread("b"), o);
        h.d.finish();
        assertEquals("", h.output());
        assertEquals(1, h.races().size());
    }

    @Test
    void cleanRunSaysSo() {
        Harness h = new Harness("");
        h.d.finish();
        assertEquals("Guarded: no data races (0 suppressed)\n", h.output());
    }
}
