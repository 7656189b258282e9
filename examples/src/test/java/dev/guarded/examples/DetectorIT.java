package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The examples under the real race detector: {@code examples/run-example <name> --detect} in a forked JVM
 * with the packaged agent jar. Racy examples must be reported, naming the field and the conflicting lines;
 * the fixed ones must come out clean.
 */
class DetectorIT {

    private static final String RACE_FIELD = "dev.guarded.examples.RaceCondition.value";

    @Test
    void raceConditionReportNamesValueWithBothAccesses() throws Exception {
        JsonNode report = DetectedRun.report("race-condition");
        JsonNode race = raceOn(report, RACE_FIELD);

        JsonNode accesses = race.path("accesses");
        assertEquals(2, accesses.size(), race.toPrettyString());
        Set<Integer> racyLines = Set.of(lineOf("RaceCondition.java", "int tmp = value;"),
                lineOf("RaceCondition.java", "value = tmp;"));
        boolean sawWrite = false;
        for (JsonNode access : accesses) {
            JsonNode top = access.path("frames").path(0);
            assertFalse(top.isMissingNode(), "an access without frames: " + race.toPrettyString());
            assertEquals("dev.guarded.examples.RaceCondition", top.path("class").asText(), race.toPrettyString());
            assertEquals("increment", top.path("method").asText(), race.toPrettyString());
            assertTrue(racyLines.contains(top.path("line").asInt()),
                    "expected line " + racyLines + " in " + race.toPrettyString());
            sawWrite |= access.path("op").asText().equals("write");
        }
        assertTrue(sawWrite, "a race needs at least one write: " + race.toPrettyString());
    }

    @Test
    void plainDetectPrintsTheProgramOutputAndATextReportWithBothLines() throws Exception {
        // What `./run demo` shows: the program's own line, then the detector's report.
        DetectedRun run = DetectedRun.of("race-condition", "");
        String all = run.stdout() + run.stderr();
        assertTrue(run.stdout().contains("value = "), run.describe());
        assertTrue(all.contains("RaceCondition.value"), run.describe());
        assertTrue(all.contains("RaceCondition.java:" + lineOf("RaceCondition.java", "value = tmp;")), run.describe());
    }

    @Test
    void lockReportsNoRace() throws Exception {
        assertNoRaces(DetectedRun.report("lock"));
    }

    @Test
    void bankTransferReportsTheBalance() throws Exception {
        JsonNode race = raceOnFieldEndingWith(DetectedRun.report("bank-transfer"), "Account.balance");
        assertTrue(race.path("field").asText().startsWith("dev.guarded.examples.BankTransferRace"), race.toPrettyString());
        assertEquals(2, race.path("accesses").size(), race.toPrettyString());
    }

    @Test
    void fixedBankTransferReportsNoRace() throws Exception {
        assertNoRaces(DetectedRun.report("bank-transfer-fixed"));
    }

    private static void assertNoRaces(JsonNode report) {
        assertEquals("guarded", report.path("tool").asText(), report.toPrettyString());
        JsonNode races = report.path("races");
        String why = races.isEmpty() ? report.toPrettyString()
                : "races on " + fields(report) + "; the first:\n" + races.path(0).toPrettyString();
        assertEquals(0, report.path("summary").path("races").asInt(-1), why);
        assertEquals(0, races.size(), why);
    }

    private static JsonNode raceOn(JsonNode report, String field) {
        for (JsonNode race : report.path("races")) {
            if (race.path("field").asText().equals(field)) {
                return race;
            }
        }
        return fail("no race on " + field + " in " + fields(report) + ":\n" + report.toPrettyString());
    }

    private static JsonNode raceOnFieldEndingWith(JsonNode report, String suffix) {
        for (JsonNode race : report.path("races")) {
            if (race.path("field").asText().endsWith(suffix)) {
                return race;
            }
        }
        return fail("no race on a field ending with " + suffix + " in " + fields(report) + ":\n" + report.toPrettyString());
    }

    private static List<String> fields(JsonNode report) {
        List<String> fields = new ArrayList<>();
        report.path("races").forEach(race -> fields.add(race.path("field").asText()));
        return fields;
    }

    /** The 1-based line of the only line in the example's source containing {@code code}. */
    private static int lineOf(String file, String code) throws IOException {
        Path source = Path.of(System.getProperty("guarded.examples.sources"), "dev/guarded/examples", file);
        List<String> lines = Files.readAllLines(source);
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(code)) {
                assertEquals(-1, found, "'" + code + "' occurs more than once in " + source);
                found = i + 1;
            }
        }
        assertTrue(found > 0, "'" + code + "' not found in " + source);
        return found;
    }
}
