package dev.guarded.maven.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.report.Report;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void showsTheSourceLineOfEachAccessEscaped() throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/com/acme")).resolve("Counter.java");
        Files.writeString(source, String.join("\n", "package com.acme;", "class Counter {", "  int value;",
                "  void increment() {", "    if (value < 10) value++;", "  }", "}"));
        Report report = Report.of("hb", List.of(Races.race("com.acme.Counter.value", false, 5, 5)));

        String html = new HtmlReport(List.of(dir.resolve("missing").toFile(), dir.resolve("src").toFile()))
                .render(new MergedReport(report, List.of(new File("races-1.json"))));

        assertTrue(html.contains("<span class=\"hit\">    5      if (value &lt; 10) value++;</span>"), html);
        assertTrue(html.contains("data-race on com.acme.Counter.value"), html);
        assertTrue(html.contains("locks held: java.lang.Object@1b6d3586"), html);
        assertFalse(html.contains("value < 10"), "source text must be escaped");
    }
}
