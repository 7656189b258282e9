package dev.guarded.maven.internal;

import dev.guarded.report.Race;
import dev.guarded.report.Report;
import dev.guarded.report.TextReportWriter;
import dev.guarded.report.reader.JsonReportReader;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The races of all test JVMs of one module, merged with {@link Report#merge} (a race seen by several
 * forks is listed once), plus the texts the goals print and write.
 *
 * @param report  the merged report
 * @param sources the per-JVM files it was read from
 */
public record MergedReport(Report report, List<File> sources) {

    /**
     * Reads and merges per-JVM reports.
     *
     * @param files the {@code races-*.json} files
     * @return the merge
     * @throws IOException naming the file that could not be read or parsed
     */
    public static MergedReport read(List<File> files) throws IOException {
        List<Report> reports = new ArrayList<>();
        for (File file : files) {
            try {
                reports.add(JsonReportReader.read(file.toPath()));
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot read Guarded report " + file + ": " + e.getMessage(), e);
            }
        }
        return new MergedReport(Report.merge(reports), List.copyOf(files));
    }

    /** @return e.g. {@code 3 data races in 2 fields} (unsuppressed races of any kind) */
    public String countText() {
        return plural(report.raceCount(), "data race") + " in " + plural(report.fieldCount(), "field");
    }

    /** @return the one-line summary with suppressed races and the number of merged files */
    public String summary() {
        return "Guarded: " + countText() + " (" + report.suppressedCount() + " suppressed), merged from "
                + plural(sources.size(), "test JVM report");
    }

    /** @return the text report: summary, counts line, then every distinct race (suppressed ones marked) */
    public String text() {
        StringBuilder text = new StringBuilder(summary()).append('\n')
                .append("races: ").append(report.raceCount())
                .append(", fields: ").append(report.fieldCount())
                .append(", suppressed: ").append(report.suppressedCount()).append('\n')
                .append("reports: ").append(String.join(", ", TestRunFiles.names(sources))).append('\n');
        for (Race race : report.races()) {
            text.append('\n').append(TextReportWriter.format(race));
        }
        return text.toString();
    }

    static String plural(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
