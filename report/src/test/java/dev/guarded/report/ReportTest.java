package dev.guarded.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
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
    void jsonIsWrittenWholeWithItsSummary(@TempDir Path dir) throws Exception {
        // Reading it back is guarded-report-reader's test (JsonReportReaderTest); this module has no JSON parser.
        Report r = sample();
        Path file = dir.resolve("sub/races.json");
        JsonReportWriter.write(r, file);
        String json = Files.readString(file);
        assertEquals(JsonReportWriter.toJson(r) + "\n", json);
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
    void reportFilesAreWorldReadable(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path json = dir.resolve("races.json");
        Path sarif = dir.resolve("races.sarif");
        JsonReportWriter.write(sample(), json);
        SarifWriter.write(sample(), sarif);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(sarif)));
        JsonReportWriter.write(Report.of("hb", List.of()), json);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)), "a rewrite keeps 0644");
    }

    @Test
    void concurrentWritersOfOneReportLeaveOneWholeFileAndNoTemporaryOnes(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("races.txt");
        List<Thread> writers = new java.util.ArrayList<>();
        java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int w = 0; w < 4; w++) {
            String text = ("writer " + w + "\n").repeat(10_000);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    try {
                        AtomicFileWriter.writeAtomically(target, text);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            writer.setUncaughtExceptionHandler((thread, failure) -> failures.add(failure));
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertEquals(List.of(), List.copyOf(failures));
        List<String> lines = Files.readAllLines(target);
        assertEquals(10_000, lines.size());
        assertEquals(1, lines.stream().distinct().count(), "one writer's whole text, never a mix");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "temporary files left behind");
        }
    }

    @Test
    void textDropsTestFrameworkFramesFromThreadStartsButJsonKeepsThem() throws Exception {
        List<Frame> started = List.of(
                new Frame("com.acme.CounterTest", "races", "CounterTest.java", 30),
                new Frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, -1),
                new Frame("java.lang.reflect.Method", "invoke", "Method.java", 580),
                new Frame("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", 767),
                new Frame("java.util.ArrayList", "forEach", "ArrayList.java", 1596),
                new Frame("org.apache.maven.surefire.booter.ForkedBooter", "main", "ForkedBooter.java", 507));
        Access cur = new Access("write", "worker", List.of(),
                List.of(new Frame("com.acme.Counter", "increment", "Counter.java", 12)), started);
        Access prev = new Access("read", "main", List.of(),
                List.of(new Frame("com.acme.Counter", "increment", "Counter.java", 11)), List.of());
        Race race = new Race(Race.DATA_RACE, "com.acme.Counter.value", false, List.of(cur, prev));
        String text = TextReportWriter.format(race);
        assertTrue(text.endsWith("""
                  Thread "worker" was started at:
                    at com.acme.CounterTest.races(CounterTest.java:30)
                    ... 5 test-framework frames omitted
                """), text);
        assertFalse(text.contains("ForkedBooter"), text);
        String json = JsonReportWriter.toJson(Report.of("hb", List.of(race)));
        assertTrue(json.contains("{\"class\":\"jdk.internal.reflect.DirectMethodHandleAccessor\",\"method\":\"invoke\","
                + "\"file\":null,\"line\":-1}") && json.contains("\"org.apache.maven.surefire.booter.ForkedBooter\""),
                "JSON keeps every frame: " + json);
        assertEquals(List.of(), TestFrameworkFrames.applicationPart(List.of(started.get(5))));
        assertEquals(started.subList(0, 1), TestFrameworkFrames.applicationPart(started.subList(0, 1)));
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
    void sarifStructure() throws Exception {
        JsonNode log = new ObjectMapper().readTree(SarifWriter.toSarif(sample()));
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals(SarifWriter.SCHEMA, log.path("$schema").asText());
        JsonNode run = log.path("runs").path(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertEquals("data-race", rules.path(0).path("id").asText());
        assertEquals("unguarded-access", rules.path(1).path("id").asText());
        JsonNode results = run.path("results");
        assertEquals(3, results.size());
        JsonNode first = results.path(0);
        assertEquals("data-race", first.path("ruleId").asText());
        assertEquals("error", first.path("level").asText());
        String message = first.path("message").path("text").asText();
        assertTrue(message.contains("com.acme.Counter.value") && message.contains("worker-2")
                && message.contains("worker-\"1\""), message);
        JsonNode loc = first.path("locations").path(0).path("physicalLocation");
        assertEquals("com/acme/Counter.java", loc.path("artifactLocation").path("uri").asText());
        assertEquals("SRCROOT", loc.path("artifactLocation").path("uriBaseId").asText());
        assertEquals(12, loc.path("region").path("startLine").asInt());
        assertEquals(1, first.path("relatedLocations").size());
        assertEquals(2, first.path("codeFlows").path(0).path("threadFlows").size());
        assertEquals("warning", results.path(1).path("level").asText());
        assertEquals("unguarded-access", results.path(1).path("ruleId").asText());
        assertEquals("external", results.path(2).path("suppressions").path(0).path("kind").asText());
        assertFalse(first.has("suppressions"));
    }

    static Race staleWrite() {
        Frame write = new Frame("com.acme.Loop", "lambda$flow$2", "Loop.java", 30);
        Frame read = new Frame("com.acme.Loop", "lambda$flow$0", "Loop.java", 28);
        Frame stage = new Frame("java.util.concurrent.CompletableFuture$AsyncSupply", "run", "CompletableFuture.java", 1789);
        return new Race(Race.STALE_WRITE, "com.acme.Loop.value", false, List.of(
                new Access("write", "loop, flow 2", List.of(), List.of(write, stage), List.of()),
                new Access("write", "loop, flow 1", List.of(), List.of(write), List.of()),
                new Access("read", "loop, flow 2", List.of(), List.of(read, stage), List.of()),
                new Access(Race.SUSPENDED, "loop, flow 2", List.of(), List.of(stage), List.of())));
    }

    @Test
    void aStaleWriteHasItsOwnKindHeadingSummaryAndSarifRule() throws Exception {
        Report r = Report.of("hb", List.of(staleWrite(), race(Race.DATA_RACE, "com.acme.Counter.value", false, 12, 11)));
        // Reading it back is guarded-report-reader's test (JsonReportReaderTest); here, the text itself.
        String json = JsonReportWriter.toJson(r).replaceAll("\\s", "");
        assertTrue(json.contains("\"kind\":\"stale-write\""), json);
        assertTrue(json.contains("\"staleWrites\":1"), json);
        assertTrue(json.contains("\"dataRaces\":1"), json);
        assertTrue(json.contains("\"races\":2"), json);

        String text = TextReportWriter.format(staleWrite());
        assertTrue(text.startsWith("WARNING: Guarded: stale write to field com.acme.Loop.value\n"), text);
        assertTrue(text.contains("  Written meanwhile by another flow, thread \"loop, flow 1\":\n"
                + "    at com.acme.Loop.lambda$flow$2(Loop.java:30)\n"), text);
        assertTrue(text.contains("  Read before the flow suspended, by thread \"loop, flow 2\":\n"
                + "    at com.acme.Loop.lambda$flow$0(Loop.java:28)\n"), text);
        assertTrue(text.contains("  The reading flow suspended at:\n"
                + "    at java.util.concurrent.CompletableFuture$AsyncSupply.run(CompletableFuture.java:1789)\n"), text);
        assertEquals("Guarded: 1 data race, 1 stale write in 2 fields (0 suppressed)", TextReportWriter.summary(r));
        assertEquals("Guarded: 1 stale write in 1 field (0 suppressed)",
                TextReportWriter.summary(Report.of("hb", List.of(staleWrite()))));

        JsonNode run = new ObjectMapper().readTree(SarifWriter.toSarif(r)).path("runs").path(0);
        JsonNode rule = run.path("tool").path("driver").path("rules").path(2);
        assertEquals("stale-write", rule.path("id").asText());
        JsonNode result = run.path("results").path(0);
        assertEquals("stale-write", result.path("ruleId").asText());
        assertEquals(2, result.path("ruleIndex").asInt());
        assertEquals("error", result.path("level").asText());
        assertTrue(result.path("message").path("text").asText().startsWith("Stale write to com.acme.Loop.value"),
                result.toString());
        assertEquals(3, result.path("relatedLocations").size(), "the other write, the read, the suspension");
    }
}
