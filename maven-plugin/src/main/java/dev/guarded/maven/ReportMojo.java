package dev.guarded.maven;

import dev.guarded.maven.internal.MergedReport;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the module's merged race reports: {@code guarded.sarif} (SARIF 2.1.0, for code scanning),
 * {@code report.txt} and {@code report.html} (each race with the source lines of both accesses). Never fails the
 * build because of races; that is {@code check}'s job, and {@code check} writes the same files before failing,
 * so the goals may come in either order.
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
        List<File> written = writeReports(merged);
        getLog().info(merged.summary() + "; wrote " + relative(written));
    }
}
