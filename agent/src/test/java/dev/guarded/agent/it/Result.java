package dev.guarded.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.guarded.report.Race;
import dev.guarded.report.Report;
import dev.guarded.report.reader.JsonReportReader;

/**
 * What a {@link ForkedJvm} run did.
 *
 * @param command    the full command line
 * @param exitCode   the exit status, -1 when it timed out
 * @param timedOut   whether it was killed after the timeout
 * @param stdout     everything the program printed
 * @param stderr     everything printed to stderr (agent start line, warnings, text report)
 * @param reportFile the JSON report the agent was asked to write, or null
 */
public record Result(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr,
        Path reportFile) {

    /** @return the parsed JSON report; fails when the agent wrote none */
    public Report report() throws IOException {
        if (reportFile == null || !Files.exists(reportFile)) {
            throw new AssertionError("no JSON report was written\n" + describe());
        }
        return JsonReportReader.read(reportFile);
    }

    /** @return the unsuppressed races on a field (or array type) with this name */
    public List<Race> racesOn(String field) throws IOException {
        return report().races().stream().filter(r -> r.field().equals(field) && !r.suppressed())
                .collect(Collectors.toList());
    }

    /** @return stderr lines written by the agent (those starting with {@code guarded:}) */
    public List<String> agentLines() {
        return stderr.lines().filter(l -> l.startsWith("guarded:")).collect(Collectors.toList());
    }

    /** @return a description for assertion messages: command, status, and both streams (truncated) */
    public String describe() {
        return "command: " + String.join(" ", command) + "\nexit: " + exitCode + (timedOut ? " (timed out)" : "")
                + "\nstdout:\n" + tail(stdout) + "\nstderr:\n" + tail(stderr);
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }
}
