package dev.guarded.options;

import java.util.List;

/**
 * Class-name prefixes that are never instrumented, whatever {@code include} says:
 * <ul>
 *   <li>the JDK: {@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.},
 *       {@code org.graalvm.}, {@code org.ietf.jgss.}, {@code org.w3c.dom.}, {@code org.xml.sax.},
 *       {@code org.jcp.xml.}; the JDK's synchronization is modelled, not watched;</li>
 *   <li>the agent itself, its shaded ASM included: {@code dev.guarded.agent.}, and the report and
 *       options modules it carries: {@code dev.guarded.report.}, {@code dev.guarded.options.};</li>
 *   <li>test and build tooling whose own threads would only add noise and cost: Surefire/Failsafe booters
 *       ({@code org.apache.maven.surefire.}), the JUnit Platform, Jupiter and Vintage engines
 *       ({@code org.junit.platform.}, {@code org.junit.jupiter.engine.}, {@code org.junit.vintage.},
 *       {@code junit.runner.}, {@code org.opentest4j.}, {@code org.apiguardian.}), Guarded's JUnit extension
 *       ({@code dev.guarded.junit.}), JaCoCo's runtime ({@code org.jacoco.agent.}), IDE launchers
 *       ({@code com.intellij.rt.}, {@code org.eclipse.jdt.internal.junit}) and Gradle workers
 *       ({@code org.gradle.}).</li>
 * </ul>
 * Test classes and {@code org.junit.jupiter.api} (assertions) stay instrumented: tests are application code.
 */
public final class DefaultExclusions {

    /** The prefixes, as documented above. */
    public static final List<String> PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.graalvm.", "org.ietf.jgss.", "org.w3c.dom.",
            "org.xml.sax.", "org.jcp.xml.",
            "dev.guarded.agent.", "dev.guarded.report.", "dev.guarded.options.",
            "org.apache.maven.surefire.", "org.junit.platform.", "org.junit.jupiter.engine.", "org.junit.vintage.",
            "junit.runner.", "org.opentest4j.", "org.apiguardian.", "dev.guarded.junit.", "org.jacoco.agent.",
            "com.intellij.rt.", "org.eclipse.jdt.internal.junit", "org.gradle.");

    private DefaultExclusions() {
    }

    /** @return whether the class is never instrumented */
    public static boolean excluded(String binaryClassName) {
        for (String p : PREFIXES) {
            if (binaryClassName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
