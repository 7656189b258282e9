package dev.guarded.agenttests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the build put the agent jar, core's jar and the compiled programs. Failsafe passes them as system
 * properties (see pom.xml); the defaults let an IDE run the tests from the module folder after
 * {@code mvn package}.
 */
final class ItPaths {

    private ItPaths() {
    }

    static Path agentJar() {
        return existing("guarded.it.agent", "target/agent/guarded-agent.jar");
    }

    static Path coreJar() {
        return existing("guarded.it.core", "target/agent/guarded-core.jar");
    }

    static Path programs17() {
        return existing("guarded.it.programs17", "target/programs17");
    }

    static Path programs21() {
        return existing("guarded.it.programs21", "target/programs21");
    }

    static Path reports() {
        return Path.of(System.getProperty("guarded.it.reports", "target/it-reports")).toAbsolutePath();
    }

    /**
     * The JDK 17 to run the compatibility subset on: system property {@code guarded.jdk17.home} (the root POM
     * fills it from {@code GUARDED_JDK17_HOME}) or the environment variable itself.
     *
     * @return the JDK home, or empty with no usable value
     */
    static Optional<String> jdk17Setting() {
        String value = System.getProperty("guarded.jdk17.home");
        if (value == null || value.isBlank() || value.startsWith("${")) {
            value = System.getenv("GUARDED_JDK17_HOME");
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Path existing(String property, String fallback) {
        Path path = Path.of(System.getProperty(property, fallback)).toAbsolutePath();
        if (!Files.exists(path)) {
            throw new IllegalStateException("missing " + path + " (system property " + property
                    + "); run the module through Maven: mvn -pl agent-tests -am verify");
        }
        return path;
    }
}
