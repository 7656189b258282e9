package dev.guarded.agenttests;

import com.fasterxml.jackson.databind.JsonNode;

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
        JsonNode races = races(run);
        List<String> seen = new ArrayList<>();
        for (JsonNode race : races) {
            seen.add(race.path("kind").asText() + " " + race.path("field").asText());
            if (!"data-race".equals(race.path("kind").asText()) || !field.equals(race.path("field").asText())) {
                continue;
            }
            String problem = accessProblem(race, program);
            if (problem == null && field.startsWith("java.")) {
                problem = jdkObjectProblem(race, field);
            }
            if (problem != null) {
                fail("race on " + field + " reported, but " + problem + "\n" + run.describe());
            }
            if (run.report().path("summary").path("races").asInt(0) < 1) {
                fail("summary.races is not >= 1 although a race is listed\n" + run.describe());
            }
            return;
        }
        fail("expected a data race on " + field + ", reported: " + seen + "\n" + run.describe());
    }

    /**
     * The program ran to completion with exit status 0, the agent wrote a report with no race at all
     * ({@code summary.races == 0} and an empty {@code races} array) and nothing on stderr says a class could
     * not be instrumented or an exception escaped.
     */
    static void assertNoRaces(ForkedRun run) {
        assertRanCleanly(run);
        JsonNode races = races(run);
        int summary = run.report().path("summary").path("races").asInt(-1);
        if (summary != 0 || !races.isEmpty()) {
            List<String> fields = new ArrayList<>();
            races.forEach(r -> fields.add(r.path("kind").asText() + " " + r.path("field").asText()));
            fail("expected no races, summary.races=" + summary + ", races: " + fields + "\n" + run.describe());
        }
    }

    /**
     * The program ran to completion, cleanly, and the report's findings, as distinct {@code "kind field"}
     * strings (e.g. {@code "unguarded com.acme.X.count"}), are exactly {@code expected}; {@code summary.races}
     * counts at least one report per finding.
     */
    static void assertFindings(ForkedRun run, Set<String> expected) {
        assertRanCleanly(run);
        Set<String> found = new TreeSet<>();
        for (JsonNode race : races(run)) {
            found.add(race.path("kind").asText() + " " + race.path("field").asText());
        }
        if (!found.equals(new TreeSet<>(expected))) {
            fail("expected findings " + new TreeSet<>(expected) + ", reported " + found + "\n" + run.describe());
        }
        if (run.report().path("summary").path("races").asInt(-1) < found.size()) {
            fail("summary.races is below the " + found.size() + " distinct findings listed\n" + run.describe());
        }
    }

    /**
     * Like {@link #assertFindings}, for a schedule-dependent outcome: the findings include every one of
     * {@code required} and nothing outside {@code allowed}.
     */
    static void assertFindingsWithin(ForkedRun run, Set<String> required, Set<String> allowed) {
        assertRanCleanly(run);
        Set<String> found = new TreeSet<>();
        for (JsonNode race : races(run)) {
            found.add(race.path("kind").asText() + " " + race.path("field").asText());
        }
        if (!found.containsAll(required) || !allowed.containsAll(found)) {
            fail("expected findings including " + new TreeSet<>(required) + " within " + new TreeSet<>(allowed)
                    + ", reported " + found + "\n" + run.describe());
        }
    }

    /** Exit 0 within the timeout, a parseable report, and a stderr free of instrumentation failures. */
    static void assertRanCleanly(ForkedRun run) {
        if (run.timedOut()) {
            fail("program did not finish within " + ProgramRunner.TIMEOUT_SECONDS + " s\n" + run.describe());
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
        if (!"guarded".equals(run.report().path("tool").asText())) {
            fail("report's \"tool\" is not \"guarded\"\n" + run.describe());
        }
    }

    private static JsonNode races(ForkedRun run) {
        JsonNode races = run.report().path("races");
        if (!races.isArray()) {
            fail("report has no \"races\" array\n" + run.describe());
        }
        return races;
    }

    /** @return why the race's accesses do not name both code locations, or null when they do */
    private static String accessProblem(JsonNode race, Program program) {
        JsonNode accesses = race.path("accesses");
        if (!accesses.isArray() || accesses.size() != 2) {
            return "it has " + accesses.size() + " accesses instead of 2";
        }
        boolean anyWrite = false;
        for (int i = 0; i < 2; i++) {
            JsonNode access = accesses.get(i);
            String op = access.path("op").asText();
            if (!op.equals("read") && !op.equals("write")) {
                return "access " + i + " has op \"" + op + "\"";
            }
            anyWrite |= op.equals("write");
            if (!hasProgramFrame(access.path("frames"), program)) {
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
    private static String jdkObjectProblem(JsonNode race, String field) {
        String object = race.path("object").asText("");
        if (!object.startsWith(field + "@") || object.length() == field.length() + 1) {
            return "its \"object\" is \"" + object + "\" instead of " + field + "@<identity>";
        }
        for (JsonNode access : race.path("accesses")) {
            if (access.path("method").asText("").isEmpty()) {
                return "an access names no \"method\"";
            }
        }
        return null;
    }

    private static boolean hasProgramFrame(JsonNode frames, Program program) {
        for (JsonNode frame : frames) {
            String cls = frame.path("class").asText("");
            boolean own = cls.equals(program.mainClass()) || cls.startsWith(program.mainClass() + "$");
            if (own && !frame.path("method").asText("").isEmpty() && frame.path("line").asInt(0) > 0) {
                return true;
            }
        }
        return false;
    }
}
