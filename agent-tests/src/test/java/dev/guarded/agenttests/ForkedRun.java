package dev.guarded.agenttests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one forked JVM did: its command line, exit status, output and the parsed JSON report.
 *
 * @param command  the command that was run, for failure messages
 * @param exitCode the exit status (-1 when it timed out and was killed)
 * @param timedOut true when the program did not finish within the harness's timeout
 * @param stdout   everything the program printed to stdout
 * @param stderr   everything the program and the agent printed to stderr
 * @param report   the parsed JSON report, or null when the agent wrote none
 * @param reportProblem why {@code report} is null (missing file, parse error), else null
 */
record ForkedRun(String command, int exitCode, boolean timedOut, String stdout, String stderr,
                 JsonNode report, String reportProblem) {

    /** @return a multi-line description of the run for assertion messages */
    String describe() {
        return "command: " + command
                + "\nexit: " + (timedOut ? "TIMED OUT" : exitCode)
                + "\nstdout:\n" + clip(stdout)
                + "\nstderr:\n" + clip(stderr)
                + "\nreport: " + (report == null ? "(none: " + reportProblem + ")" : clip(report.toPrettyString()));
    }

    private static String clip(String s) {
        int max = 6000;
        return s.length() <= max ? s : s.substring(0, max) + "\n... (" + (s.length() - max) + " more chars)";
    }
}
