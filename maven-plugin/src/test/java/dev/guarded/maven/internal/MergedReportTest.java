package dev.guarded.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.JsonReportWriter;
import dev.guarded.report.Report;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedReportTest {

    @TempDir
    Path dir;

    @Test
    void raceSeenByTwoForksIsCountedOnce() throws IOException {
        File first = write("races-1.json", Report.of("hb", List.of(
                Races.race("com.acme.Counter.value", false, 12, 11),
                Races.race("com.acme.Cache.hash", true, 40, 41))));
        File second = write("races-2.json", Report.of("hb", List.of(
                Races.race("com.acme.Counter.value", false, 12, 11),
                Races.race("com.acme.Histogram.total", false, 7, 7))));

        MergedReport merged = MergedReport.read(List.of(first, second));

        assertEquals(2, merged.report().raceCount());
        assertEquals(1, merged.report().suppressedCount());
        assertEquals("2 data races in 2 fields", merged.countText());
        assertEquals("Guarded: 2 data races in 2 fields (1 suppressed), merged from 2 test JVM reports", merged.summary());
        String text = merged.text();
        assertTrue(text.contains("races: 2, fields: 2, suppressed: 1"), text);
        assertTrue(text.contains("reports: races-1.json, races-2.json"), text);
        assertEquals(1, count(text, "data race on field com.acme.Counter.value\n"), text);
        assertTrue(text.contains("com.acme.Cache.hash (suppressed)"), text);
        assertTrue(text.contains("com.acme.Histogram.total"), text);
    }

    @Test
    void emptyReportSaysZero() throws IOException {
        MergedReport merged = MergedReport.read(List.of(write("races-3.json", Report.of("hb", List.of()))));

        assertEquals("0 data races in 0 fields", merged.countText());
        assertTrue(merged.text().contains("races: 0, fields: 0, suppressed: 0"));
    }

    @Test
    void unreadableReportIsNamed() throws IOException {
        File broken = Files.writeString(dir.resolve("races-4.json"), "{\"tool\":").toFile();

        IOException e = assertThrows(IOException.class, () -> MergedReport.read(List.of(broken)));
        assertTrue(e.getMessage().startsWith("cannot read Guarded report " + broken), e.getMessage());
    }

    private File write(String name, Report report) throws IOException {
        Path file = dir.resolve(name);
        JsonReportWriter.write(report, file);
        return file.toFile();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
