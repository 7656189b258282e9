package dev.guarded.junit.internal;

import java.util.List;
import java.util.Locale;

/**
 * Splits the JVM's single race log into test windows. Every race index below {@code settled} has been either
 * charged to a test or printed as happening outside any test, so each race is shown exactly once.
 *
 * <p>The full text of a race (stacks, locks, thread starts) is printed once per test run: by the agent on
 * standard error when it is not {@code quiet}, and by guarded-maven-plugin's {@code check} goal (which runs
 * the agent {@code quiet}). Failure messages and the outside-tests notes carry one line per race, which is
 * what surefire repeats in its summary.
 */
public final class RaceLedger {

    /** The ledger of this JVM (the race log is JVM-wide too). */
    public static final RaceLedger INSTANCE = new RaceLedger();

    private int settled;

    private RaceLedger() {
    }

    /**
     * Prints races not yet charged to a test, then opens a window at the end of the log.
     *
     * @param log   the race log
     * @param where describes the moment, for the printed header
     * @return the window's first race index
     */
    public synchronized int openWindow(RaceLogAccess log, String where) {
        reportOutsideTests(log, where);
        return settled;
    }

    /**
     * Closes a window, charging every race since {@code start} to it.
     *
     * @param log   the race log
     * @param start the index {@link #openWindow} returned
     * @return the text of each race in the window, oldest first
     */
    public synchronized List<String> closeWindow(RaceLogAccess log, int start) {
        List<String> races = log.describeSince(start);
        settled = Math.max(settled, start + races.size());
        return races;
    }

    /**
     * Prints the races detected since the last window or report to standard error.
     *
     * @param log   the race log
     * @param where describes the moment, for the printed header
     */
    public synchronized void reportOutsideTests(RaceLogAccess log, String where) {
        List<String> races = log.describeSince(settled);
        if (races.isEmpty()) {
            return;
        }
        settled += races.size();
        StringBuilder text = new StringBuilder("guarded: ").append(races.size())
                .append(races.size() == 1 ? " data race" : " data races").append(" detected outside any test (").append(where).append("):");
        for (String race : races) {
            text.append(System.lineSeparator()).append("  ").append(headline(race));
        }
        System.err.println(text);
    }

    /**
     * @param test  the test's display name
     * @param races the race texts
     * @return the failure message for a test that raced
     */
    public static String failureMessage(String test, List<String> races) {
        StringBuilder text = new StringBuilder("race detected during execution of test ").append(test).append(": ")
                .append(races.size()).append(races.size() == 1 ? " data race" : " data races");
        for (String race : races) {
            text.append(System.lineSeparator()).append("  ").append(headline(race));
        }
        return text.append(System.lineSeparator()).append(FULL_REPORT_HINT).toString();
    }

    /** Where the full text of a race is, for messages that show only its headline. */
    static final String FULL_REPORT_HINT = "  (stacks: the agent's report on standard error, or target/guarded/report.txt"
            + " with guarded-maven-plugin)";

    /**
     * One line for a race from the agent's text report ({@code TextReportWriter}'s format): the first line
     * without the {@code WARNING: Guarded: } prefix, then the innermost frame of each access, e.g.
     * {@code data race on field a.B.c: write at a.B.m(B.java:3), previous read at a.B.m(B.java:2)}.
     *
     * @param race the race's text as the agent's race log holds it
     * @return the line; the first line of the text as it is when the text has another shape
     */
    static String headline(String race) {
        String[] lines = race.split("\\R");
        StringBuilder line = new StringBuilder(lines[0].replaceFirst("^WARNING: Guarded: ", ""));
        String op = null;
        int accesses = 0;
        for (int i = 1; i < lines.length && accesses < 2; i++) {
            String l = lines[i];
            if (l.startsWith("  Previous ")) {
                op = "previous " + l.substring("  Previous ".length()).split(" ", 2)[0];
            } else if (l.startsWith("  ") && !l.startsWith("   ") && !l.startsWith("  Thread ")) {
                op = l.trim().split(" ", 2)[0].toLowerCase(Locale.ROOT);
            } else if (op != null && l.startsWith("    at ")) {
                line.append(accesses == 0 ? ": " : ", ").append(op).append(" at ").append(l.substring("    at ".length()));
                op = null;
                accesses++;
            }
        }
        return line.toString();
    }
}
