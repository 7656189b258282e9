package dev.guarded.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunFilesTest {

    @TempDir
    Path target;

    @Test
    void listsOnlyPerJvmReportsInNameOrder() throws IOException {
        Path guarded = Files.createDirectories(target.resolve("guarded"));
        for (String name : List.of("races-20.json", "races-10.json", "report.txt", "guarded.sarif", "races-30.json1234.tmp")) {
            Files.writeString(guarded.resolve(name), "{}");
        }
        assertEquals(List.of("races-10.json", "races-20.json"), TestRunFiles.names(TestRunFiles.reports(guarded.toFile())));
        assertEquals(List.of(), TestRunFiles.reports(target.resolve("missing").toFile()));

        TestRunFiles.deleteReports(guarded.toFile());
        assertEquals(List.of(), TestRunFiles.reports(guarded.toFile()));
        assertEquals(true, Files.exists(guarded.resolve("report.txt")));
    }

    @Test
    void countsTestsOfSurefireAndFailsafeResults() throws IOException {
        File build = target.toFile();
        assertEquals(0, TestRunFiles.testsRun(build));

        Path surefire = Files.createDirectories(target.resolve("surefire-reports"));
        Files.writeString(surefire.resolve("TEST-com.acme.ATest.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=\"x\" name=\"com.acme.ATest\" time=\"0.1\" tests=\"3\" errors=\"0\">");
        Files.writeString(surefire.resolve("com.acme.ATest.txt"), "tests=\"100\"");
        Path failsafe = Files.createDirectories(target.resolve("failsafe-reports"));
        Files.writeString(failsafe.resolve("TEST-com.acme.BIT.xml"), "<testsuite tests=\"2\" name=\"com.acme.BIT\">");
        Files.writeString(failsafe.resolve("TEST-com.acme.EmptyIT.xml"), "<testsuite tests=\"0\" name=\"com.acme.EmptyIT\">");

        assertEquals(5, TestRunFiles.testsRun(build));
    }
}
