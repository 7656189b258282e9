package dev.guarded.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Parameters every Guarded goal shares. */
abstract class AbstractGuardedMojo extends AbstractMojo {

    /** Skips the goal: no agent is attached and no report is checked. */
    @Parameter(property = "guarded.skip", defaultValue = "false")
    boolean skip;

    /** Where forked test JVMs write {@code races-<pid>.json} and where the merged reports go. */
    @Parameter(property = "guarded.reportDirectory", defaultValue = "${project.build.directory}/guarded")
    File reportDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** @return the report directory as an absolute file */
    File reportDirectory() {
        return reportDirectory.isAbsolute() ? reportDirectory : new File(project.getBasedir(), reportDirectory.getPath());
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
