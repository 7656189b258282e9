package dev.guarded.maven;

import dev.guarded.maven.internal.HtmlReport;
import dev.guarded.maven.internal.MergedReport;
import dev.guarded.maven.internal.TestRunFiles;
import dev.guarded.report.AtomicFileWriter;
import dev.guarded.report.SarifWriter;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Parameters and steps every Guarded goal shares. */
abstract class AbstractGuardedMojo extends AbstractMojo {

    /** Skips the goal ({@code true} or {@code false}): no agent is attached and no report is checked. */
    @Parameter(property = "guarded.skip", defaultValue = "false")
    String skip;

    /** Where forked test JVMs write {@code races-<pid>.json} and where the merged reports go. */
    @Parameter(property = "guarded.reportDirectory", defaultValue = "${project.build.directory}/guarded")
    File reportDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** @return whether {@code guarded.skip} is set */
    boolean skipped() throws MojoFailureException {
        return flag("guarded.skip", skip, false);
    }

    /**
     * Parses a boolean parameter strictly: Maven would read any misspelling as {@code false}; blank means the default.
     *
     * @throws MojoFailureException naming the parameter and the accepted values
     */
    static boolean flag(String name, String value, boolean defaultValue) throws MojoFailureException {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "":
                return defaultValue;
            case "true":
                return true;
            case "false":
                return false;
            default:
                break;
        }
        throw new MojoFailureException(name + " '" + value + "' is not a boolean; accepted: true, false");
    }

    /** @return the report directory as an absolute file */
    File reportDirectory() {
        return reportDirectory.isAbsolute() ? reportDirectory : new File(project.getBasedir(), reportDirectory.getPath());
    }

    /**
     * Reads and merges the module's per-JVM reports.
     *
     * @return the merge, or null when no test ran (logged)
     * @throws MojoFailureException when tests ran but no report exists: the agent was not attached
     */
    MergedReport merged() throws MojoExecutionException, MojoFailureException {
        File directory = reportDirectory();
        List<File> files = TestRunFiles.reports(directory);
        try {
            if (files.isEmpty()) {
                int tests = TestRunFiles.testsRun(new File(project.getBuild().getDirectory()));
                if (tests > 0) {
                    throw new MojoFailureException("the Guarded agent did not run: no report in " + relative(directory)
                            + " although tests ran (" + tests + " in surefire/failsafe reports) — is argLine overridden"
                            + " without @{argLine}? Add @{argLine} to the <argLine> of surefire/failsafe, or set"
                            + " guarded.propertyName to the property your <argLine> uses.");
                }
                getLog().info("Guarded: no tests ran and no reports in " + relative(directory) + "; nothing to check");
                return null;
            }
            return MergedReport.read(files);
        } catch (IOException e) {
            throw new MojoExecutionException("Guarded: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every report format of the merge into the report directory: {@code guarded.sarif} (SARIF 2.1.0),
     * {@code report.txt} and {@code report.html}. Both {@code check} and {@code report} call it, {@code check}
     * before it fails the build, so a racy build still leaves the reports to look at.
     *
     * @param merged the merged report
     * @return the files written, in the order above
     * @throws MojoExecutionException when a file cannot be written
     */
    List<File> writeReports(MergedReport merged) throws MojoExecutionException {
        File directory = reportDirectory();
        File sarif = new File(directory, "guarded.sarif");
        File text = new File(directory, "report.txt");
        File html = new File(directory, "report.html");
        try {
            SarifWriter.write(merged.report(), sarif.toPath());
            AtomicFileWriter.writeAtomically(text.toPath(), merged.text());
            AtomicFileWriter.writeAtomically(html.toPath(), new HtmlReport(sourceRoots()).render(merged));
        } catch (IOException e) {
            throw new MojoExecutionException("Guarded: cannot write the reports in " + directory + ": " + e.getMessage(), e);
        }
        return List.of(sarif, text, html);
    }

    /** @return the written files relative to the project, e.g. {@code target/guarded/guarded.sarif, ...} */
    String relative(List<File> files) {
        List<String> names = new ArrayList<>();
        for (File file : files) {
            names.add(relative(file));
        }
        return String.join(", ", names);
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

    /** @return {@code file} relative to the project directory when it lies inside it, for short messages */
    String relative(File file) {
        try {
            return project.getBasedir().toPath().relativize(file.toPath()).toString();
        } catch (IllegalArgumentException e) {
            return file.getPath();
        }
    }
}
