package dev.guarded.maven;

import dev.guarded.maven.internal.ArgLine;
import dev.guarded.maven.internal.TestRunFiles;
import dev.guarded.options.AgentOptionString;
import java.io.File;
import java.io.IOException;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Attaches the Guarded race detector to the test JVMs that surefire and failsafe fork: prepends
 * {@code -javaagent:guarded-agent.jar=report=<reportDirectory>/races-${pid}.json,...} to the {@code argLine}
 * property (or {@link #propertyName}), keeping the property's existing value. Each forked JVM writes its own
 * report file, named after its process id, which {@code check} and {@code report} merge.
 *
 * <p>The agent jar is resolved as a file ({@code dev.guarded:guarded-agent} of this plugin's version, from the
 * local repository or the project's plugin repositories); the plugin never loads the agent's classes. The options
 * are checked by the agent's own parser ({@link AgentOptionString}), so a bad setting fails here, naming it,
 * rather than in every forked JVM.
 *
 * <p>If the build sets {@code <argLine>} in the surefire configuration, it must include {@code @{argLine}}
 * (late replacement) for the agent to be attached; {@code check} fails loudly when it was not.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractGuardedMojo {

    /** The agent artifact, resolved in this plugin's version. */
    static final String AGENT_KEY = "dev.guarded:guarded-agent";

    /** How users may separate several class patterns in one Maven property; the agent itself takes {@code ;}. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;|\\s]+");

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

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    private final RepositorySystem repositorySystem;

    /**
     * Creates the goal; Maven injects the resolver that finds the agent jar.
     *
     * @param repositorySystem Maven's artifact resolver
     */
    @Inject
    public PrepareAgentMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

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
            options = agentOptions(new File(directory, TestRunFiles.PREFIX + "${pid}" + TestRunFiles.SUFFIX),
                    mode, includes, excludes, suppressionFile());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        try {
            // Reports of an earlier run would be merged into this run's verdict.
            TestRunFiles.deleteReports(directory);
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

    /**
     * Renders the plugin's settings as the agent's option string; every value is checked by the agent's parser.
     * The text report goes to the test log only as {@code check}'s summary, so the forked JVMs run {@code quiet}.
     *
     * @param reportFile   the per-JVM JSON report, with the agent's {@code ${pid}} placeholder
     * @param mode         {@code guarded.mode}, or null/blank for the agent's default
     * @param includes     {@code guarded.includes}: patterns separated by commas, semicolons, bars or spaces
     * @param excludes     {@code guarded.excludes}, same syntax
     * @param suppressions the suppression file, or null
     * @return {@code report=...,mode=...,include=a;b,exclude=...,suppress=...,quiet}, without the unset ones
     * @throws IllegalArgumentException naming the setting the agent would reject
     */
    static String agentOptions(File reportFile, String mode, String includes, String excludes, File suppressions) {
        return new AgentOptionString()
                .put("report", reportFile.getAbsolutePath(), "guarded.reportDirectory")
                .put("mode", mode, "guarded.mode")
                .put("include", patternList(includes), "guarded.includes")
                .put("exclude", patternList(excludes), "guarded.excludes")
                .put("suppress", suppressions == null ? null : suppressions.getAbsolutePath(), "guarded.suppressions")
                .flag("quiet", "prepare-agent")
                .render();
    }

    private static String patternList(String patterns) {
        return patterns == null || patterns.isBlank() ? null : String.join(";", LIST_SEPARATOR.split(patterns.trim()));
    }

    private File agentJar() throws MojoExecutionException {
        String coordinates = AGENT_KEY + ":jar:" + plugin.getVersion();
        File jar;
        try {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(coordinates),
                    project.getRemotePluginRepositories(), null);
            jar = repositorySystem.resolveArtifact(session.getRepositorySession(), request).getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Guarded: cannot resolve the agent " + coordinates + ": " + e.getMessage()
                    + " — install this project first (see README: mvn install with tests skipped) or add a repository"
                    + " that has it", e);
        }
        if (jar == null || !jar.isFile()) {
            throw new MojoExecutionException("Guarded: the agent must be a packaged jar, but " + coordinates
                    + " resolved to " + jar + "; build guarded-agent with 'package' first");
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
