package dev.guarded.agenttests;

import dev.guarded.report.Access;
import dev.guarded.report.Frame;
import dev.guarded.report.Race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Assertions on a {@link ForkedRun}'s JSON report. Every failure message carries the whole run (command,
 * exit, output, report) so that a red test can be diagnosed from the build log alone.
 */
final class RaceAssertions {

    private RaceAssertions() {
    }

    /**
     * The program ran to completion, cleanly, and the report holds a data race on exactly {@code field} whose
     * two accesses (at least one a write) each carry a stack with a frame of {@code program}'s own code
     * (class, method and a positive line). For a JDK class ({@code java.util.HashMap}) the race also names the
     * object ({@code java.util.HashMap@<identity>}) and each access its method. Races on other fields are
     * allowed: a racy program may race on a flag it polls as well.
     */
    static void assertRaceOn(ForkedRun run, Program program, String field) {
        assertRanCleanly(run);
        List<String> seen = new ArrayList<>();
        for (Race race : run.report().races()) {
            seen.add(race.kind() + " " + race.field());
            if (!Race.DATA_RACE.equals(race.kind()) || !field.equals(race.field())) {
                continue;
            }
            assertWellFormed(run, program, field, race);
            return;
        }
        fail("expected a data race on " + field + ", reported: " + seen + "\n" + run.describe());
    }

    /**
     * Like {@link #assertRaceOn}, but every data race reported on {@code field} must pass its checks, not only
     * the first: for a program whose race is reported once per iteration.
     */
    static void assertEveryRaceOn(ForkedRun run, Program program, String field) {
        assertRanCleanly(run);
        int found = 0;
        for (Race race : run.report().races()) {
            if (!Race.DATA_RACE.equals(race.kind()) || !field.equals(race.field())) {
                continue;
            }
            assertWellFormed(run, program, field, race);
            found++;
        }
        if (found == 0) {
            fail("no data race on " + field + " listed\n" + run.describe());
        }
    }

    /** A data race on {@code field} names both accesses in the program's code (and, for a JDK class, the object). */
    private static void assertWellFormed(ForkedRun run, Program program, String field, Race race) {
        String problem = accessProblem(race, program);
        if (problem == null && field.startsWith("java.")) {
            problem = jdkObjectProblem(race, field);
        }
        if (problem != null) {
            fail("race on " + field + " reported, but " + problem + "\n" + run.describe());
        }
    }

    /**
     * The program ran to completion with exit status 0, the agent wrote a report with no race at all, not even
     * a suppressed one (an empty {@code races} array; the reader has checked the summary against it) and nothing on stderr says a class could
     * not be instrumented or an exception escaped.
     */
    static void assertNoRaces(ForkedRun run) {
        assertRanCleanly(run);
        List<Race> races = run.report().races();
        if (!races.isEmpty()) {
            List<String> fields = new ArrayList<>();
            races.forEach(r -> fields.add(r.kind() + " " + r.field() + (r.suppressed() ? " (suppressed)" : "")));
            fail("expected no races, races: " + fields + "\n" + run.describe());
        }
    }

    /**
     * The program ran to completion, cleanly, and the report's findings, as distinct {@code "kind field"}
     * strings (e.g. {@code "unguarded com.acme.X.count"}), are exactly {@code expected} (the reader has checked the
     * summary against the races listed).
     */
    static void assertFindings(ForkedRun run, Set<String> expected) {
        assertRanCleanly(run);
        Set<String> found = new TreeSet<>();
        for (Race race : run.report().races()) {
            found.add(race.kind() + " " + race.field());
        }
        if (!found.equals(new TreeSet<>(expected))) {
            fail("expected findings " + new TreeSet<>(expected) + ", reported " + found + "\n" + run.describe());
        }
    }

    /**
     * Like {@link #assertFindings}, for a schedule-dependent outcome: the findings include every one of
     * {@code required} and nothing outside {@code allowed}.
     */
    static void assertFindingsWithin(ForkedRun run, Set<String> required, Set<String> allowed) {
        assertRanCleanly(run);
        Set<String> found = new TreeSet<>();
        for (Race race : run.report().races()) {
            found.add(race.kind() + " " + race.field());
        }
        if (!found.containsAll(required) || !allowed.containsAll(found)) {
            fail("expected findings including " + new TreeSet<>(required) + " within " + new TreeSet<>(allowed)
                    + ", reported " + found + "\n" + run.describe());
        }
    }

    /**
     * Exit 0 within the timeout, a report the one report reader accepts (summary included), and a stderr free
     * of instrumentation failures.
     */
    static void assertRanCleanly(ForkedRun run) {
        if (run.timedOut()) {
            fail("program did not finish within its timeout\n" + run.describe());
        }
        if (run.exitCode() != 0) {
            fail("program exited with " + run.exitCode() + ", expected 0\n" + run.describe());
        }
        String err = run.stderr().toLowerCase(Locale.ROOT);
        for (String bad : List.of("could not instrument", "exception", "verifyerror", "\tat ")) {
            if (err.contains(bad)) {
                fail("stderr contains \"" + bad.strip() + "\"\n" + run.describe());
            }
        }
        if (run.report() == null) {
            fail("the agent wrote no usable JSON report\n" + run.describe());
        }
        if (!"guarded".equals(run.report().tool())) {
            fail("report's \"tool\" is not \"guarded\"\n" + run.describe());
        }
    }

    /** @return why the race's accesses do not name both code locations, or null when they do */
    private static String accessProblem(Race race, Program program) {
        List<Access> accesses = race.accesses();
        if (accesses.size() != 2) {
            return "it has " + accesses.size() + " accesses instead of 2";
        }
        boolean anyWrite = false;
        for (int i = 0; i < 2; i++) {
            Access access = accesses.get(i);
            String op = access.op();
            if (!op.equals("read") && !op.equals("write")) {
                return "access " + i + " has op \"" + op + "\"";
            }
            anyWrite |= op.equals("write");
            if (!hasProgramFrame(access.frames(), program)) {
                return "access " + i + " has no frame in " + program.mainClass()
                        + " with class, method and line > 0";
            }
        }
        return anyWrite ? null : "neither access is a write";
    }

    /**
     * @return why a race on a JDK object's state does not name the object ({@code java.util.HashMap@1b6d3586})
     *         and the method of each access, or null when it does
     */
    private static String jdkObjectProblem(Race race, String field) {
        String object = race.object() == null ? "" : race.object();
        if (!object.startsWith(field + "@") || object.length() == field.length() + 1) {
            return "its \"object\" is \"" + object + "\" instead of " + field + "@<identity>";
        }
        for (Access access : race.accesses()) {
            if (access.method() == null || access.method().isEmpty()) {
                return "an access names no \"method\"";
            }
        }
        return null;
    }

    /** @return whether a frame is in {@code program}'s own code (its main class or a nested one) at a known line */
    static boolean hasProgramFrame(List<Frame> frames, Program program) {
        for (Frame frame : frames) {
            String cls = frame.className();
            boolean own = cls.equals(program.mainClass()) || cls.startsWith(program.mainClass() + "$");
            if (own && !frame.method().isEmpty() && frame.line() > 0) {
                return true;
            }
        }
        return false;
    }
}
