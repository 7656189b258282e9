package dev.guarded.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    static Race race(String kind, String field, boolean suppressed, int curLine, int prevLine) {
        Access cur = new Access("write", "worker-2", List.of(),
                List.of(new Frame("com.acme.Counter", "increment", "Counter.java", curLine),
                        new Frame("com.acme.Main", "lambda$main$0", "Main.java", 20)),
                List.of(new Frame("com.acme.Main", "main", "Main.java", 18)));
        Access prev = new Access("read", "worker-\"1\"\n", List.of("java.lang.Object@1b6d3586"),
                List.of(new Frame("com.acme.Counter", "increment", null, prevLine)), List.of());
        return new Race(kind, field, suppressed, List.of(cur, prev));
    }

    static Report sample() {
        return Report.of("hybrid", List.of(
                race(Race.DATA_RACE, "com.acme.Counter.value", false, 12, 11),
                race(Race.UNGUARDED, "com.acme.Counter.value", false, 13, 12),
                race(Race.DATA_RACE, "int[]", true, 30, -1)));
    }

    @Test
    void summaryCounts() {
        Report r = sample();
        assertEquals(2, r.raceCount());
        assertEquals(1, r.countOf(Race.DATA_RACE));
        assertEquals(1, r.countOf(Race.UNGUARDED));
        assertEquals(1, r.fieldCount());
        assertEquals(1, r.suppressedCount());
    }

    @Test
    void jsonRoundTripIsEqual(@TempDir Path dir) throws Exception {
        Report r = sample();
        Path file = dir.resolve("sub/races.json");
        JsonReportWriter.write(r, file);
        assertEquals(r, JsonReportReader.read(file));
        assertEquals(r, JsonReportReader.parse(JsonReportWriter.toJson(r)));
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\"tool\":\"guarded\",\"version\":\"0.1.0\",\"mode\":\"hybrid\",\"summary\":"
                + "{\"races\":2,\"fields\":1,\"suppressed\":1"), json);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aRaceInsideAJdkObjectKeepsItsObjectAndMethodsThroughJsonTextAndSarif() {
        Access cur = new Access("write", "b", List.of(), List.of(new Frame("com.acme.Index", "add", "Index.java", 31)),
                List.of(), "put");
        Access prev = new Access("read", "a", List.of(), List.of(new Frame("com.acme.Index", "find", "Index.java", 40)),
                List.of(), "get");
        Race race = new Race(Race.DATA_RACE, "java.util.HashMap", false, List.of(cur, prev),
                "java.util.HashMap@1b6d3586");
        Report r = Report.of("hb", List.of(race));
        String json = JsonReportWriter.toJson(r);
        assertTrue(json.contains("\"field\":\"java.util.HashMap\",\"object\":\"java.util.HashMap@1b6d3586\""), json);
        assertTrue(json.contains("\"op\":\"write\",\"thread\":\"b\",\"method\":\"put\""), json);
        assertEquals(r, JsonReportReader.parse(json));
        String plain = JsonReportWriter.toJson(sample());
        assertTrue(plain.contains("\"thread\":\"worker-2\",\"locks\"") && !plain.contains("\"object\""),
                "field races carry neither object nor method: " + plain);
        String text = TextReportWriter.format(race);
        assertTrue(text.startsWith("WARNING: Guarded: data race on java.util.HashMap@1b6d3586 (put vs get)\n"
                + "  Write (put) of java.util.HashMap@1b6d3586 by thread \"b\":\n"), text);
        assertTrue(text.contains("  Previous read (get) by thread \"a\":\n"), text);
        assertTrue(SarifWriter.toSarif(r).contains("Data race on java.util.HashMap@1b6d3586 (put vs get): write"),
                SarifWriter.toSarif(r));
    }

    @Test
    void readerIsStrict() {
        assertReject("{\"races\":[],}", "JSON error at line 1, column 13: expected a string key");
        assertReject("{\"races\":[]} x", "JSON error at line 1, column 14: unexpected text after the top-level value");
        assertReject("{\"races\":[], \"races\":[]}", "JSON error at line 1, column 22: duplicate key \"races\"");
        assertReject("{\"tool\":\"guarded\"}", "the report needs an array \"races\"");
        assertReject("{\"races\":[{\"kind\":\"data-race\",\"accesses\":[]}]}", "races[0] needs a string \"field\"");
        assertReject("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"accesses\":[{\"op\":\"read\",\"thread\":\"t\","
                + "\"frames\":[{\"class\":\"a.B\",\"method\":\"m\",\"line\":\"7\"}]}]}]}",
                "races[0].accesses[0].frames[0].line must be an integer");
        assertReject("[1, 2", "JSON error at line 1, column 6: unexpected end of input");
        assertReject("{\"a\":\"\\x\"}", "JSON error at line 1, column 8: bad escape '\\x'");
        assertReject("{\"a\":01}", "JSON error at line 1, column 7: expected ',' or '}'");
    }

    @Test
    void readerIgnoresUnknownKeys() {
        Report r = JsonReportReader.parse("{\"races\":[{\"kind\":\"data-race\",\"field\":\"a.B.c\",\"extra\":{\"x\":[1.5e3,null]},"
                + "\"accesses\":[{\"op\":\"read\",\"thread\":\"t\",\"frames\":[]}]}],\"new\":true}");
        assertEquals("a.B.c", r.races().get(0).field());
        assertEquals("hb", r.mode());
    }

    @Test
    void mergeDeduplicatesByFieldAndSitePair() {
        Report a = Report.of("hb", List.of(race(Race.DATA_RACE, "f.F.x", true, 1, 2), race(Race.DATA_RACE, "f.F.y", false, 1, 2)));
        Report b = Report.of("hb", List.of(race(Race.DATA_RACE, "f.F.x", false, 2, 1), race(Race.DATA_RACE, "f.F.x", false, 3, 1)));
        Report m = Report.merge(List.of(a, b));
        assertEquals(3, m.races().size(), "the (1,2) and (2,1) races on x are one");
        assertFalse(m.races().get(0).suppressed(), "unsuppressed in one run wins");
        assertEquals(3, m.raceCount());
    }

    @Test
    void textFormatAndSummary() {
        String text = TextReportWriter.format(race(Race.DATA_RACE, "com.acme.Counter.value", false, 12, 11));
        assertEquals("""
                WARNING: Guarded: data race on field com.acme.Counter.value
                  Write of com.acme.Counter.value by thread "worker-2":
                    at com.acme.Counter.increment(Counter.java:12)
                    at com.acme.Main.lambda$main$0(Main.java:20)
                    locks held: none
                  Previous read by thread "worker-"1"
                ":
                    at com.acme.Counter.increment(Unknown Source)
                    locks held: java.lang.Object@1b6d3586
                  Thread "worker-2" was started at:
                    at com.acme.Main.main(Main.java:18)
                """, text);
        assertEquals("Guarded: 1 data race, 1 unguarded access in 1 field (1 suppressed)",
                TextReportWriter.summary(sample()));
        assertEquals("Guarded: no data races (0 suppressed)", TextReportWriter.summary(Report.of("hb", List.of())));
        assertEquals("Guarded: 2 data races in 2 fields (0 suppressed)", TextReportWriter.summary(Report.of("hb", List.of(
                race(Race.DATA_RACE, "a.A.x", false, 1, 2), race(Race.DATA_RACE, "a.A.y", false, 1, 2)))));
    }

    @Test
    void sourcePathGuess() {
        assertEquals("com/acme/Counter.java", new Frame("com.acme.Counter$Inner", "m", "Counter.java", 3).sourcePath());
        assertEquals("com/acme/Counter.java", new Frame("com.acme.Counter$1", "m", null, 3).sourcePath());
        assertEquals("Top.java", new Frame("Top", "m", null, -1).sourcePath());
    }

    @Test
    @SuppressWarnings("unchecked")
    void sarifStructure() {
        Map<String, Object> log = (Map<String, Object>) JsonParser.parse(SarifWriter.toSarif(sample()));
        assertEquals("2.1.0", log.get("version"));
        assertEquals(SarifWriter.SCHEMA, log.get("$schema"));
        Map<String, Object> run = (Map<String, Object>) ((List<Object>) log.get("runs")).get(0);
        Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
        List<Object> rules = (List<Object>) driver.get("rules");
        assertEquals("data-race", ((Map<String, Object>) rules.get(0)).get("id"));
        assertEquals("unguarded-access", ((Map<String, Object>) rules.get(1)).get("id"));
        List<Object> results = (List<Object>) run.get("results");
        assertEquals(3, results.size());
        Map<String, Object> first = (Map<String, Object>) results.get(0);
        assertEquals("data-race", first.get("ruleId"));
        assertEquals("error", first.get("level"));
        String message = (String) ((Map<String, Object>) first.get("message")).get("text");
        assertTrue(message.contains("com.acme.Counter.value") && message.contains("worker-2")
                && message.contains("worker-\"1\""), message);
        Map<String, Object> loc = (Map<String, Object>) ((Map<String, Object>)
                ((List<Object>) first.get("locations")).get(0)).get("physicalLocation");
        Map<String, Object> artifact = (Map<String, Object>) loc.get("artifactLocation");
        assertEquals("com/acme/Counter.java", artifact.get("uri"));
        assertEquals("SRCROOT", artifact.get("uriBaseId"));
        assertEquals(12L, ((Map<String, Object>) loc.get("region")).get("startLine"));
        assertEquals(1, ((List<Object>) first.get("relatedLocations")).size());
        Map<String, Object> flow = (Map<String, Object>) ((List<Object>) first.get("codeFlows")).get(0);
        assertEquals(2, ((List<Object>) flow.get("threadFlows")).size());
        assertEquals("warning", ((Map<String, Object>) results.get(1)).get("level"));
        assertEquals("unguarded-access", ((Map<String, Object>) results.get(1)).get("ruleId"));
        Map<String, Object> suppressed = (Map<String, Object>) results.get(2);
        assertEquals("external", ((Map<String, Object>) ((List<Object>) suppressed.get("suppressions")).get(0)).get("kind"));
        assertFalse(first.containsKey("suppressions"));
    }

    private static void assertReject(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReportReader.parse(json));
        assertEquals(message, e.getMessage());
    }
}
