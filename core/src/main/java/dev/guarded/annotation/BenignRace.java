package dev.guarded.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field whose data races are intentional (for example a racy single-check cache of an
 * idempotent computation, or a statistics counter where lost updates are acceptable).
 *
 * <p>The Guarded race detector counts races on this field as <em>suppressed</em>: they are still
 * listed and counted in the report ("N suppressed"), but they do not fail the build or change the
 * exit code. The annotation has {@code CLASS} retention: the detector reads it from the class file,
 * so it costs nothing at run time and is not visible through reflection.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BenignRace {

    /**
     * Why the race is benign, in a few words; shown next to the suppressed race in reports.
     *
     * @return the reason, or the empty string when none is given
     */
    String value() default "";
}
