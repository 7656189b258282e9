package dev.guarded.maven;

import dev.guarded.maven.internal.MergedReport;
import dev.guarded.report.Race;
import dev.guarded.report.TextReportWriter;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the race reports of every test JVM of the module (surefire and failsafe, all forks), prints a summary
 * and each distinct race once, writes every report format ({@code guarded.sarif}, {@code report.txt},
 * {@code report.html}, as {@code report} does) and only then fails the build when an unsuppressed race was
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
        List<File> written = writeReports(merged);
        File text = written.get(1);
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
            String message = merged.countText() + " — see " + relative(text) + " (also " + written.get(2).getName()
                    + ", " + written.get(0).getName() + ")";
            if (fail) {
                throw new MojoFailureException(message);
            }
            getLog().warn("Guarded: " + message + " (not failing: guarded.failOnRace=false)");
        }
    }
}
