package dev.guarded.agent.internal.model;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One piece of the JDK model: on the JDK types matched by {@code types}, inline {@code advice} into the
 * methods matched by {@code methods}. Methods absent from a JDK version simply match nothing.
 */
record Rule(ElementMatcher<? super TypeDescription> types, ElementMatcher<? super MethodDescription> methods,
        Class<?> advice) {
}
