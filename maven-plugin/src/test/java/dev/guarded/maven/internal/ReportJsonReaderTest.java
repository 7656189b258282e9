package dev.guarded.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.JsonReportWriter;
import dev.guarded.report.Race;
import dev.guarded.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonReaderTest {

    @Test
    void readsBackWhatTheAgentsWriterWrote(@TempDir Path dir) throws IOException {
        Report report = Report.of("hybrid", List.of(Races.race("com.acme.Counter.value", false, 12, 11),
                new Race(Race.UNGUARDED, "int[]", true, Races.race("x.Y.z", false, 3, 4).accesses())));
        Path file = dir.resolve("races-1.json");
        JsonReportWriter.write(report, file);
        assertEquals(report, ReportJsonReader.read(file));
    }

    @Test
    void ignoresUnknownKeysAndDefaultsTheHeader() {
        Report r = ReportJsonReader.parse("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"extra\":{\"x\":[1.5e3,null]},"
                + "\"accesses\":[{\"op\":\"read\",\"thread\":\"t\",\"frames\":[{\"class\":\"a.B\",\"method\":\"m\"}]}]}],"
                + "\"new\":true}");
        assertEquals("a.B.c", r.races().get(0).field());
        assertEquals("hb", r.mode());
        assertEquals(-1, r.races().get(0).accesses().get(0).site().line());
    }

    @Test
    void rejectsWhatWouldChangeTheVerdict() {
        assertReject("{\"races\":[],}", "not valid JSON");
        assertReject("{\"races\":[], \"races\":[]}", "Duplicate field 'races'");
        assertReject("[1, 2", "not valid JSON");
        assertReject("[]", "the report must be a JSON object");
        assertReject("{\"tool\":\"guarded\"}", "the report needs an array \"races\"");
        assertReject("{\"races\":[{\"kind\":\"data-race\",\"accesses\":[]}]}", "races[0] needs a string \"field\"");
        assertReject("{\"races\":[{\"kind\":\"data-race\",\"field\":\"f\",\"suppressed\":\"no\",\"accesses\":[]}]}",
                "races[0].suppressed must be true or false");
        assertReject("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"accesses\":[{\"op\":\"read\",\"thread\":\"t\","
                + "\"frames\":[{\"class\":\"a.B\",\"method\":\"m\",\"line\":\"7\"}]}]}]}",
                "races[0].accesses[0].frames[0].line must be an integer");
        assertReject("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"accesses\":[{\"op\":\"read\",\"thread\":\"t\","
                + "\"frames\":[{\"class\":\"a.B\",\"method\":\"m\",\"line\":7.5}]}]}]}",
                "races[0].accesses[0].frames[0].line must be an integer");
    }

    @Test
    void aBadFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("races-7.json"), "{\"races\":3}");
        IOException e = assertThrows(IOException.class, () -> ReportJsonReader.read(file));
        assertEquals(file + ": the report needs an array \"races\"", e.getMessage());
    }

    private static void assertReject(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportJsonReader.parse(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
