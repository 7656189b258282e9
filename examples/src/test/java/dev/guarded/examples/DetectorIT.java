package dev.guarded.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Access;
import dev.guarded.report.Frame;
import dev.guarded.report.Race;
import dev.guarded.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples under the real race detector: {@code examples/run-example <name> --detect} in a forked JVM
 * with the packaged agent jar. Racy examples must be reported, naming the field and the conflicting lines,
 * and nothing else; every other example must come out clean.
 */
class DetectorIT {

    private static final String RACE_FIELD = "dev.guarded.examples.RaceCondition.value";

    @Test
    void raceConditionReportNamesValueWithBothAccesses() throws Exception {
        DetectedRun run = DetectedRun.withReport("race-condition");
        List<String> fields = fields(run);
        assertFalse(fields.isEmpty(), "the race went unreported:\n" + run.reportText());
        assertEquals(Set.of(RACE_FIELD), Set.copyOf(fields), "only value is shared without synchronization");

        Set<Integer> racyLines = Set.of(lineOf("RaceCondition.java", "int tmp = value;"),
                lineOf("RaceCondition.java", "value = tmp;"));
        Set<Integer> reportedLines = new HashSet<>();
        for (Race race : run.report().races()) {
            assertEquals(2, race.accesses().size(), race.toString());
            boolean sawWrite = false;
            for (Access access : race.accesses()) {
                Frame top = access.site();
                assertTrue(top != null, "an access without frames: " + race);
                assertEquals("dev.guarded.examples.RaceCondition", top.className(), race.toString());
                assertEquals("increment", top.method(), race.toString());
                assertTrue(racyLines.contains(top.line()), "expected a line in " + racyLines + ": " + race);
                reportedLines.add(top.line());
                sawWrite |= access.op().equals("write");
            }
            assertTrue(sawWrite, "a race needs at least one write: " + race);
        }
        // With 10,000 tasks some task always reads after another's unordered write: both lines are named.
        assertEquals(racyLines, reportedLines, run.reportText());
    }

    @Test
    void plainDetectPrintsTheProgramOutputAndATextReportWithTheWriteBack() throws Exception {
        // What `./run demo` shows: the program's own line and the detector's report.
        DetectedRun run = DetectedRun.of("race-condition", "");
        String all = run.stdout() + run.stderr();
        assertTrue(run.stdout().contains(" after 10000 increments ("), run.describe());
        assertTrue(all.contains("data race on field " + RACE_FIELD), run.describe());
        assertTrue(all.contains("RaceCondition.java:" + lineOf("RaceCondition.java", "value = tmp;")), run.describe());
    }

    @Test
    void bankTransferReportsTheBalanceAndNothingElse() throws Exception {
        DetectedRun run = DetectedRun.withReport("bank-transfer");
        List<String> fields = fields(run);
        assertFalse(fields.isEmpty(), "the race went unreported:\n" + run.reportText());
        assertEquals(Set.of("dev.guarded.examples.BankTransferRace$Account.balance"), Set.copyOf(fields));
        Set<Integer> racyLines = Set.of(lineOf("BankTransferRace.java", "if (from.balance < amount)"),
                lineOf("BankTransferRace.java", "from.balance -= amount;"),
                lineOf("BankTransferRace.java", "to.balance += amount;"));
        for (Race race : run.report().races()) {
            assertEquals(2, race.accesses().size(), race.toString());
            for (Access access : race.accesses()) {
                assertTrue(access.site() != null && racyLines.contains(access.site().line()),
                        "expected a line in " + racyLines + ": " + race);
            }
        }
    }

    @Test
    void raceConditionAsyncReportsAStaleWriteWithTheReadTheOtherFlowsWriteAndTheWriteBack() throws Exception {
        DetectedRun run = DetectedRun.withReport("race-condition-async");
        Report report = run.report();
        String text = run.reportText();
        assertEquals(0, run.exitCode(), run.describe());
        String field = "dev.guarded.examples.RaceConditionAsync.value";
        // The report reader has checked summary.staleWrites against the races listed.
        assertEquals(List.of("stale-write " + field), kindsAndFields(report),
                "one stale write on value, and no data race on one thread:\n" + text);
        int readLine = lineOf("RaceConditionAsync.java", "supplyAsync(() -> value, loop)");
        int writeLine = lineOf("RaceConditionAsync.java", "tmp -> value = tmp");
        List<Access> accesses = report.races().get(0).accesses();
        assertEquals(4, accesses.size(), text);
        int[] lines = {writeLine, writeLine, readLine};
        String[] ops = {"write", "write", "read"};
        for (int i = 0; i < 3; i++) {
            Access access = accesses.get(i);
            assertEquals(ops[i], access.op(), text);
            Frame top = access.frames().get(0);
            assertEquals("dev.guarded.examples.RaceConditionAsync", top.className(), text);
            assertEquals(lines[i], top.line(), text);
            assertTrue(access.frames().size() > 1, "each site comes with its stack: " + text);
        }
        assertEquals(accesses.get(0).thread(), accesses.get(2).thread(),
                "the read and the write-back belong to one flow: " + text);
        assertFalse(accesses.get(0).thread().equals(accesses.get(1).thread()),
                "the write in between is another flow's: " + text);
        assertEquals("suspended", accesses.get(3).op(), text);
        assertFalse(accesses.get(3).frames().isEmpty(), "where the flow suspended: " + text);
    }

    private static List<String> kindsAndFields(Report report) {
        List<String> found = new ArrayList<>();
        for (Race race : report.races()) {
            found.add(race.kind() + " " + race.field());
        }
        return found;
    }

    @ParameterizedTest(name = "{0} under the detector reports no race")
    @ValueSource(strings = {"lock", "lock-async", "semaphore", "barrier", "event",
            "condition", "bank-transfer-fixed"})
    void reportsNoRace(String example) throws Exception {
        DetectedRun run = DetectedRun.withReport(example);
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("guarded", run.report().tool(), run.reportText());
        // The reader has checked the summary against the races; none may be listed, suppressed or not.
        assertEquals(List.of(), fields(run), run.reportText());
    }

    private static List<String> fields(DetectedRun run) {
        List<String> fields = new ArrayList<>();
        run.report().races().forEach(race -> fields.add(race.field()));
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
