package dev.guarded.agenttests;

import dev.guarded.report.Report;

/**
 * What one forked JVM did: its command line, exit status, output and the parsed JSON report.
 *
 * @param command  the command that was run, for failure messages
 * @param exitCode the exit status (-1 when it timed out and was killed)
 * @param timedOut true when the program did not finish within the harness's timeout
 * @param stdout   everything the program printed to stdout
 * @param stderr   everything the program and the agent printed to stderr
 * @param report   the JSON report as read by the one report reader (which also checks that its summary
 *                 agrees with its races), or null when the agent wrote none or it could not be read
 * @param reportText the report file's text, for failure messages, or null when there is no file
 * @param reportProblem why {@code report} is null (missing file, parse error), else null
 */
record ForkedRun(String command, int exitCode, boolean timedOut, String stdout, String stderr,
                 Report report, String reportText, String reportProblem) {

    /** @return a multi-line description of the run for assertion messages */
    String describe() {
        return "command: " + command
                + "\nexit: " + (timedOut ? "TIMED OUT" : exitCode)
                + "\nstdout:\n" + clip(stdout)
                + "\nstderr:\n" + clip(stderr)
                + "\nreport: " + (reportProblem == null ? "" : "(unusable: " + reportProblem + ")\n")
                + (reportText == null ? "" : clip(reportText));
    }

    private static String clip(String s) {
        int max = 6000;
        return s.length() <= max ? s : s.substring(0, max) + "\n... (" + (s.length() - max) + " more chars)";
    }
}
