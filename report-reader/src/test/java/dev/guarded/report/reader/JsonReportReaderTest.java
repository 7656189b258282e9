package dev.guarded.report.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Access;
import dev.guarded.report.Frame;
import dev.guarded.report.JsonReportWriter;
import dev.guarded.report.Race;
import dev.guarded.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportReaderTest {

    /** A race whose names need escaping, with locks, a thread-start stack and an unknown file and line. */
    private static Race race(String kind, String field, boolean suppressed, int currentLine) {
        Access current = new Access("write", "worker-2", List.of(),
                List.of(new Frame("com.acme.Counter", "increment", "Counter.java", currentLine),
                        new Frame("com.acme.Main", "lambda$main$0", "Main.java", 20)),
                List.of(new Frame("com.acme.Main", "main", "Main.java", 18),
                        new Frame("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", null, -1)));
        Access previous = new Access("read", "worker-\"1\"\n\u0001", List.of("java.lang.Object@1b6d3586"),
                List.of(new Frame("com.acme.Counter", "increment", null, -1)), List.of());
        return new Race(kind, field, suppressed, List.of(current, previous));
    }

    private static Report sample() {
        Access put = new Access("write", "b", List.of(), List.of(new Frame("com.acme.Index", "add", "Index.java", 31)),
                List.of(), "put");
        Access get = new Access("read", "a", List.of(), List.of(new Frame("com.acme.Index", "find", "Index.java", 40)),
                List.of(), "get");
        return Report.of("hybrid", List.of(
                race(Race.DATA_RACE, "com.acme.Counter.value", false, 12),
                race(Race.UNGUARDED, "com.acme.Counter.value", false, 13),
                race(Race.DATA_RACE, "int[]", true, 30),
                new Race(Race.DATA_RACE, "java.util.HashMap", false, List.of(put, get), "java.util.HashMap@1b6d3586")));
    }

    @Test
    void readsBackExactlyWhatTheWriterWrote(@TempDir Path dir) throws IOException {
        Report report = sample();
        Path file = dir.resolve("races-1.json");
        JsonReportWriter.write(report, file);
        assertEquals(report, JsonReportReader.read(file));
        assertEquals(report, JsonReportReader.parse(JsonReportWriter.toJson(report)));
        Report empty = Report.of("lockset", List.of());
        assertEquals(empty, JsonReportReader.parse(JsonReportWriter.toJson(empty)));
    }

    @Test
    void aJdkObjectRaceKeepsItsObjectAndMethodsAndAFieldRaceHasNeither() {
        Report read = JsonReportReader.parse(JsonReportWriter.toJson(sample()));
        Race map = read.races().get(3);
        assertEquals("java.util.HashMap@1b6d3586", map.object());
        assertEquals("put", map.accesses().get(0).method());
        assertEquals("get", map.accesses().get(1).method());
        assertNull(read.races().get(0).object());
        assertNull(read.races().get(0).accesses().get(0).method());
    }

    @Test
    void aStaleWriteKeepsItsFourEntriesAndItsSummaryCount() {
        Frame write = new Frame("com.acme.Loop", "lambda$flow$2", "Loop.java", 30);
        Frame read = new Frame("com.acme.Loop", "lambda$flow$0", "Loop.java", 28);
        Race stale = new Race(Race.STALE_WRITE, "com.acme.Loop.value", false, List.of(
                new Access("write", "loop, flow 2", List.of(), List.of(write), List.of()),
                new Access("write", "loop, flow 1", List.of(), List.of(write), List.of()),
                new Access("read", "loop, flow 2", List.of(), List.of(read), List.of()),
                new Access(Race.SUSPENDED, "loop, flow 2", List.of(), List.of(read), List.of())));
        Report report = Report.of("hb", List.of(stale));
        String json = JsonReportWriter.toJson(report);
        assertEquals(report, JsonReportReader.parse(json));
        assertRejected(json.replace("\"staleWrites\":1", "\"staleWrites\":0"), "staleWrites");
    }

    @Test
    void ignoresUnknownKeysAndDefaultsTheHeader() {
        Report r = JsonReportReader.parse("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"extra\":{\"x\":[1.5e3,null]},"
                + "\"accesses\":[{\"op\":\"read\",\"thread\":\"t\",\"frames\":[{\"class\":\"a.B\",\"method\":\"m\"}]}]}],"
                + "\"new\":true}");
        assertEquals("a.B.c", r.races().get(0).field());
        assertEquals(Report.TOOL, r.tool());
        assertEquals(Report.VERSION, r.version());
        assertEquals("hb", r.mode());
        assertEquals(-1, r.races().get(0).accesses().get(0).site().line());
        assertEquals(List.of(), r.races().get(0).accesses().get(0).started());
    }

    @Test
    void rejectsWhatWouldChangeTheVerdict() {
        assertRejected("{\"races\":[],}", "not valid JSON");
        assertRejected("{\"races\":[], \"races\":[]}", "Duplicate field 'races'");
        assertRejected("[1, 2", "not valid JSON");
        assertRejected("[]", "the report must be a JSON object");
        assertRejected("{\"tool\":\"guarded\"}", "the report needs an array \"races\"");
        assertRejected("{\"mode\":7,\"races\":[]}", "the report needs a string \"mode\"");
        assertRejected("{\"races\":[{\"kind\":\"data-race\",\"accesses\":[]}]}", "races[0] needs a string \"field\"");
        assertRejected("{\"races\":[{\"kind\":\"data-race\",\"field\":\"f\",\"suppressed\":\"no\",\"accesses\":[]}]}",
                "races[0].suppressed must be true or false");
        assertRejected("{\"races\":[{\"kind\":\"data-race\",\"field\":\"f\",\"accesses\":[{\"op\":\"read\",\"thread\":\"t\","
                + "\"locks\":[1],\"frames\":[]}]}]}", "races[0].accesses[0].locks must hold strings");
        assertRejected("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"accesses\":[{\"op\":\"read\",\"thread\":\"t\","
                + "\"frames\":[{\"class\":\"a.B\",\"method\":\"m\",\"line\":\"7\"}]}]}]}",
                "races[0].accesses[0].frames[0].line must be an integer");
        assertRejected("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"accesses\":[{\"op\":\"read\",\"thread\":\"t\","
                + "\"frames\":[],\"started\":[{\"class\":\"a.B\",\"method\":\"m\",\"line\":7.5}]}]}]}",
                "races[0].accesses[0].started[0].line must be an integer");
        assertRejected("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"accesses\":[{\"op\":\"read\",\"thread\":\"t\","
                + "\"frames\":[{\"class\":\"a.B\",\"method\":\"m\",\"file\":3}]}]}]}",
                "races[0].accesses[0].frames[0].file must be a string or null");
    }

    @Test
    void aSummaryThatDisagreesWithTheRacesIsRejected() {
        String json = JsonReportWriter.toJson(sample());
        assertTrue(json.contains("\"summary\":{\"races\":3,\"fields\":2,\"suppressed\":1,\"dataRaces\":2,\"unguarded\":1,\"staleWrites\":0}"),
                json);
        assertRejected(json.replace("\"races\":3,", "\"races\":0,"), "summary.races is 0 but the races listed make it 3");
        assertRejected(json.replace("\"fields\":2", "\"fields\":1"), "summary.fields is 1 but the races listed make it 2");
        assertRejected(json.replace("\"suppressed\":1,", "\"suppressed\":0,"), "summary.suppressed is 0");
        assertRejected(json.replace("\"dataRaces\":2", "\"dataRaces\":3"), "summary.dataRaces is 3");
        assertRejected(json.replace("\"unguarded\":1", "\"unguarded\":\"1\""), "summary.unguarded must be an integer");
        assertRejected("{\"summary\":[],\"races\":[]}", "summary must be a JSON object");
        assertEquals(0, JsonReportReader.parse("{\"summary\":{\"races\":0},\"races\":[]}").raceCount());
    }

    @Test
    void aBadFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("races-7.json"), "{\"races\":3}");
        IOException e = assertThrows(IOException.class, () -> JsonReportReader.read(file));
        assertEquals(file + ": the report needs an array \"races\"", e.getMessage());
    }

    private static void assertRejected(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReportReader.parse(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
