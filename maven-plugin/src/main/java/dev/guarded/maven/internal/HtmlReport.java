package dev.guarded.maven.internal;

import dev.guarded.report.Access;
import dev.guarded.report.Frame;
import dev.guarded.report.Race;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Renders a merged report as one self-contained HTML page: the summary, then each race with both accesses, their
 * stacks, and the source lines around each access when the source file is found under one of the roots.
 */
public final class HtmlReport {

    private static final int CONTEXT_LINES = 2;

    private final List<File> sourceRoots;

    /** @param sourceRoots directories searched for {@code com/acme/Counter.java} style paths */
    public HtmlReport(List<File> sourceRoots) {
        this.sourceRoots = List.copyOf(sourceRoots);
    }

    /**
     * @param merged the report
     * @return the page
     */
    public String render(MergedReport merged) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Guarded race report</title>\n")
                .append("<style>body{font-family:sans-serif}pre{background:#f6f6f6;padding:4px}.hit{background:#ffd9d9}"
                        + ".suppressed{color:#777}</style></head><body>\n")
                .append("<h1>Guarded race report</h1>\n<p>").append(escape(merged.summary())).append("</p>\n");
        for (Race race : merged.report().races()) {
            html.append("<section").append(race.suppressed() ? " class=\"suppressed\"" : "").append("><h2>")
                    .append(escape(race.kind())).append(" on ").append(escape(race.field()))
                    .append(race.suppressed() ? " (suppressed)" : "").append("</h2>\n");
            for (int i = 0; i < race.accesses().size(); i++) {
                access(html, i == 0 ? "Access" : "Previous access", race.accesses().get(i));
            }
            html.append("</section>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private void access(StringBuilder html, String title, Access access) {
        html.append("<h3>").append(title).append(": ").append(escape(access.op())).append(" by thread &quot;")
                .append(escape(access.thread())).append("&quot;, locks held: ")
                .append(escape(access.locks().isEmpty() ? "none" : String.join(", ", access.locks()))).append("</h3>\n<pre>");
        for (Frame frame : access.frames()) {
            html.append("at ").append(escape(frame.toString())).append('\n');
        }
        html.append("</pre>\n");
        Frame site = access.site();
        if (site != null && site.line() > 0) {
            source(html, site);
        }
    }

    private void source(StringBuilder html, Frame site) {
        for (File root : sourceRoots) {
            File file = new File(root, site.sourcePath());
            if (!file.isFile()) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
                html.append("<pre>");
                int from = Math.max(1, site.line() - CONTEXT_LINES);
                int to = Math.min(lines.size(), site.line() + CONTEXT_LINES);
                for (int n = from; n <= to; n++) {
                    String line = String.format("%5d  %s", n, escape(lines.get(n - 1)));
                    html.append(n == site.line() ? "<span class=\"hit\">" + line + "</span>" : line).append('\n');
                }
                html.append("</pre>\n");
            } catch (IOException e) {
                html.append("<p>(cannot read ").append(escape(file.getPath())).append(": ").append(escape(e.getMessage())).append(")</p>\n");
            }
            return;
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
