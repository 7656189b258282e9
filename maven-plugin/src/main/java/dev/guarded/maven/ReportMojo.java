package dev.guarded.maven;

import dev.guarded.report.ReportFiles;
import dev.guarded.report.SarifWriter;
import dev.guarded.maven.internal.HtmlReport;
import dev.guarded.maven.internal.MergedReport;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the module's merged race reports: {@code guarded.sarif} (SARIF 2.1.0, for code scanning),
 * {@code report.txt} and {@code report.html} (each race with the source lines of both accesses). Never fails the
 * build because of races; that is {@code check}'s job.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractGuardedMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            getLog().info("Guarded: skipping the race report (guarded.skip=true)");
            return;
        }
        MergedReport merged = merged();
        if (merged == null) {
            return;
        }
        File directory = reportDirectory();
        File sarif = new File(directory, "guarded.sarif");
        File text = new File(directory, "report.txt");
        File html = new File(directory, "report.html");
        try {
            SarifWriter.write(merged.report(), sarif.toPath());
            ReportFiles.writeAtomically(text.toPath(), merged.text());
            ReportFiles.writeAtomically(html.toPath(), new HtmlReport(sourceRoots()).render(merged));
        } catch (IOException e) {
            throw new MojoExecutionException("Guarded: cannot write the reports in " + directory + ": " + e.getMessage(), e);
        }
        getLog().info(merged.summary() + "; wrote " + relative(sarif) + ", " + relative(text) + ", " + relative(html));
    }

    private List<File> sourceRoots() {
        List<File> roots = new ArrayList<>();
        for (String root : project.getCompileSourceRoots()) {
            roots.add(new File(root));
        }
        for (String root : project.getTestCompileSourceRoots()) {
            roots.add(new File(root));
        }
        return roots;
    }
}
