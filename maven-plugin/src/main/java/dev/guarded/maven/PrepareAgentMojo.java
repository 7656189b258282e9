package dev.guarded.maven;

import dev.guarded.maven.internal.AgentArguments;
import dev.guarded.maven.internal.ArgLine;
import dev.guarded.maven.internal.ReportFiles;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Attaches the Guarded race detector to the test JVMs that surefire and failsafe fork: prepends
 * {@code -javaagent:guarded-agent.jar=report=<reportDirectory>/races-${pid}.json,...} to the {@code argLine}
 * property (or {@link #propertyName}), keeping the property's existing value. Each forked JVM writes its own
 * report file, named after its process id, which {@code check} and {@code report} merge.
 *
 * <p>If the build sets {@code <argLine>} in the surefire configuration, it must include {@code @{argLine}}
 * (late replacement) for the agent to be attached; {@code check} fails loudly when it was not.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractGuardedMojo {

    /** The agent artifact inside this plugin's dependencies. */
    static final String AGENT_KEY = "dev.guarded:guarded-agent";

    /** The property surefire/failsafe read the JVM arguments from. */
    @Parameter(property = "guarded.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Classes to instrument: comma-separated patterns ({@code *} within a package segment, {@code **} across). */
    @Parameter(property = "guarded.includes")
    String includes;

    /** Classes never to instrument, same syntax as {@link #includes}. */
    @Parameter(property = "guarded.excludes")
    String excludes;

    /** Detector mode: {@code hb} (happens-before, default), {@code lockset} or {@code hybrid}. */
    @Parameter(property = "guarded.mode")
    String mode;

    /** Suppression file: one {@code field:<pattern>} or {@code class:<pattern>} per line, {@code #} comments. */
    @Parameter(property = "guarded.suppressions")
    String suppressions;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifactMap;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            getLog().info("Guarded: skipping (guarded.skip=true); tests run without the race detector");
            return;
        }
        if (propertyName == null || propertyName.isBlank()) {
            throw new MojoFailureException("guarded.propertyName must name the property the test plugins read, e.g. argLine");
        }
        File agentJar = agentJar();
        File directory = reportDirectory();
        String options;
        try {
            options = new AgentArguments(new File(directory, ReportFiles.PREFIX + "${pid}" + ReportFiles.SUFFIX).getAbsolutePath())
                    .mode(mode)
                    .includes(includes)
                    .excludes(excludes)
                    .suppressions(suppressionFile())
                    .flag("quiet")
                    .render();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        try {
            // Reports of an earlier run would be merged into this run's verdict.
            ReportFiles.deleteReports(directory);
        } catch (IOException e) {
            throw new MojoExecutionException("Guarded: cannot clear old reports in " + directory + ": " + e.getMessage(), e);
        }
        String agentArgument = ArgLine.javaagent(agentJar.getAbsolutePath(), options);
        Properties projectProperties = project.getProperties();
        String value = ArgLine.prepend(agentArgument, projectProperties.getProperty(propertyName));
        projectProperties.setProperty(propertyName, value);
        // A -DargLine=... on the command line wins over project properties, so it must carry the agent too.
        Properties userProperties = session.getUserProperties();
        if (userProperties.containsKey(propertyName)) {
            userProperties.setProperty(propertyName, ArgLine.prepend(agentArgument, userProperties.getProperty(propertyName)));
        }
        getLog().info("Guarded: " + propertyName + " set to " + value);
    }

    private File agentJar() throws MojoExecutionException {
        Artifact artifact = pluginArtifactMap == null ? null : pluginArtifactMap.get(AGENT_KEY);
        if (artifact == null || artifact.getFile() == null) {
            throw new MojoExecutionException("Guarded: " + AGENT_KEY + " is missing from the plugin's dependencies;"
                    + " do not exclude it from guarded-maven-plugin");
        }
        File jar = artifact.getFile();
        if (!jar.isFile()) {
            throw new MojoExecutionException("Guarded: the agent must be a packaged jar, but resolved to " + jar
                    + "; build guarded-agent with 'package' first");
        }
        return jar;
    }

    private File suppressionFile() {
        if (suppressions == null || suppressions.isBlank()) {
            return null;
        }
        File file = new File(suppressions.trim());
        return file.isAbsolute() ? file : new File(project.getBasedir(), suppressions.trim());
    }
}
