package dev.guarded.maven;

import dev.guarded.report.Race;
import dev.guarded.report.ReportFiles;
import dev.guarded.report.TextReportWriter;
import dev.guarded.maven.internal.MergedReport;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the race reports of every test JVM of the module (surefire and failsafe, all forks), prints a summary
 * and each distinct race once, writes {@code report.txt}, and fails the build when an unsuppressed race was
 * found. Suppressed races are counted and shown but never fail the build. Fails as well when tests ran but no
 * report exists: the agent was not attached, and silence would read as "no races".
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGuardedMojo {

    /** Whether an unsuppressed race fails the build ({@code true} or {@code false}). */
    @Parameter(property = "guarded.failOnRace", defaultValue = "true")
    String failOnRace;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean fail = flag("guarded.failOnRace", failOnRace, true);
        if (skipped()) {
            getLog().info("Guarded: skipping the race check (guarded.skip=true)");
            return;
        }
        MergedReport merged = merged();
        if (merged == null) {
            return;
        }
        File text = new File(reportDirectory(), "report.txt");
        try {
            ReportFiles.writeAtomically(text.toPath(), merged.text());
        } catch (IOException e) {
            throw new MojoExecutionException("Guarded: cannot write " + text + ": " + e.getMessage(), e);
        }
        boolean failing = merged.report().raceCount() > 0;
        String summary = merged.summary();
        if (failing) {
            getLog().error(summary);
        } else {
            getLog().info(summary);
        }
        for (Race race : merged.report().races()) {
            // The agent's text starts with "WARNING: " for its own stderr; Maven's log level says it here.
            String block = TextReportWriter.format(race).stripTrailing().replaceFirst("^WARNING: ", "");
            if (race.suppressed()) {
                getLog().info(block);
            } else {
                getLog().error(block);
            }
        }
        if (failing) {
            String message = merged.countText() + " — see " + relative(text);
            if (fail) {
                throw new MojoFailureException(message);
            }
            getLog().warn("Guarded: " + message + " (not failing: guarded.failOnRace=false)");
        }
    }
}
