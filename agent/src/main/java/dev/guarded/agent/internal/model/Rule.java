package dev.guarded.agent.internal.model;

/**
 * One piece of the JDK model: on the JDK classes matched by {@code types}, insert {@code advice} into the
 * methods matched by {@code methods}. Methods absent from a JDK version simply match nothing.
 */
record Rule(ClassMatch types, MethodMatch methods, Advice advice) {
}
