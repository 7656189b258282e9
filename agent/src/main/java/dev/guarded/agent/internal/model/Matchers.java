package dev.guarded.agent.internal.model;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Method matchers shared by the rule sets: instance methods by name, optionally by return type. */
final class Matchers {

    private Matchers() {
    }

    /** Non-abstract instance methods with one of these names. */
    static ElementMatcher.Junction<MethodDescription> methods(String... names) {
        return isMethod().and(not(isStatic())).and(not(net.bytebuddy.matcher.ElementMatchers.isAbstract()))
                .and(namedOneOf(names));
    }

    /** As {@link #methods} but only those returning {@code type}. */
    static ElementMatcher.Junction<MethodDescription> returning(Class<?> type, String... names) {
        return methods(names).and(returns(type));
    }

    /** As {@link #methods} but only those not returning {@code type}. */
    static ElementMatcher.Junction<MethodDescription> notReturning(Class<?> type, String... names) {
        return methods(names).and(not(returns(type)));
    }

    /** Every constructor. */
    static ElementMatcher.Junction<MethodDescription> constructors() {
        return isConstructor();
    }
}
