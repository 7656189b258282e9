package dev.guarded.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method under the Guarded race detector: a data race detected while a
 * test runs (its {@code @BeforeEach} and {@code @AfterEach} methods included) fails that test, with the race
 * report as the failure message. Races detected between tests are printed to standard error instead.
 *
 * <p>If the JVM was started with {@code -javaagent:guarded-agent.jar} (directly or through the
 * guarded-maven-plugin), that agent is used. Otherwise the agent jar, a dependency of guarded-junit, is attached
 * to the running JVM the first time it is needed, and one line on standard error says so; options for that
 * attach come from the system property {@code guarded.options} (the agent's {@code k=v,k=v} syntax).
 *
 * <p>To apply the detector to every test without the annotation, enable JUnit's extension auto-detection
 * ({@code junit.jupiter.extensions.autodetection.enabled=true}); guarded-junit registers
 * {@link GuardedExtension} through {@code META-INF/services}.
 *
 * <p>Races are attributed by time: with parallel test execution a race fails whichever test window it was
 * detected in. The agent reports each distinct race (same field, same pair of code locations) once per JVM, so
 * a race that several tests trigger fails the first of them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GuardedExtension.class)
public @interface DetectRaces {
}
