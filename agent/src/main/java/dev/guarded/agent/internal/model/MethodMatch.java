package dev.guarded.agent.internal.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Which methods of a matched class a rule applies to: instance methods, static methods, constructors or any,
 * by name (a set or a pattern), return type and parameters. A method the JDK version lacks matches nothing.
 * Methods without code (abstract, native) are never advised, whatever matches them.
 */
final class MethodMatch {

    private enum Kind { INSTANCE, STATIC, CONSTRUCTOR, ANY }

    private final Kind kind;
    private final Set<String> names;
    private final Pattern pattern;
    private final Pattern excludedPattern;
    private final String returns;
    private final boolean notReturns;
    private final String parameters;
    private final String firstParameter;
    private final int parameterCount;

    private MethodMatch(Kind kind, Set<String> names, Pattern pattern, Pattern excludedPattern, String returns,
            boolean notReturns, String parameters, String firstParameter, int parameterCount) {
        this.kind = kind;
        this.names = names;
        this.pattern = pattern;
        this.excludedPattern = excludedPattern;
        this.returns = returns;
        this.notReturns = notReturns;
        this.parameters = parameters;
        this.firstParameter = firstParameter;
        this.parameterCount = parameterCount;
    }

    /** Instance methods with one of these names. */
    static MethodMatch methods(String... names) {
        return new MethodMatch(Kind.INSTANCE, Set.of(names), null, null, null, false, null, null, -1);
    }

    /** Instance methods whose whole name matches {@code regex}. */
    static MethodMatch methodsMatching(String regex) {
        return new MethodMatch(Kind.INSTANCE, null, Pattern.compile(regex), null, null, false, null, null, -1);
    }

    /** Static methods with one of these names. */
    static MethodMatch staticMethods(String... names) {
        return new MethodMatch(Kind.STATIC, Set.of(names), null, null, null, false, null, null, -1);
    }

    /** Every constructor. */
    static MethodMatch constructors() {
        return new MethodMatch(Kind.CONSTRUCTOR, null, null, null, null, false, null, null, -1);
    }

    /** Every method, constructor and initializer the class declares. */
    static MethodMatch any() {
        return new MethodMatch(Kind.ANY, null, null, null, null, false, null, null, -1);
    }

    /** Methods of any kind with this name. */
    static MethodMatch anyNamed(String name) {
        return new MethodMatch(Kind.ANY, Set.of(name), null, null, null, false, null, null, -1);
    }

    /** As this, but only those returning {@code type}. */
    MethodMatch returning(Class<?> type) {
        return new MethodMatch(kind, names, pattern, excludedPattern, Type.getDescriptor(type), false, parameters,
                firstParameter, parameterCount);
    }

    /** As this, but only those not returning {@code type}. */
    MethodMatch notReturning(Class<?> type) {
        return new MethodMatch(kind, names, pattern, excludedPattern, Type.getDescriptor(type), true, parameters,
                firstParameter, parameterCount);
    }

    /** As this, but only those with exactly these parameter types. */
    MethodMatch taking(Class<?>... types) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> type : types) {
            descriptor.append(Type.getDescriptor(type));
        }
        return new MethodMatch(kind, names, pattern, excludedPattern, returns, notReturns,
                descriptor.append(')').toString(), firstParameter, parameterCount);
    }

    /** As this, but only those with {@code count} parameters. */
    MethodMatch takingCount(int count) {
        return new MethodMatch(kind, names, pattern, excludedPattern, returns, notReturns, parameters,
                firstParameter, count);
    }

    /** As this, but only those whose first parameter is of {@code type}. */
    MethodMatch firstTaking(Class<?> type) {
        return new MethodMatch(kind, names, pattern, excludedPattern, returns, notReturns, parameters,
                Type.getDescriptor(type), parameterCount);
    }

    /** As this, without the methods named. */
    MethodMatch except(String... excluded) {
        Set<String> kept = new HashSet<>(names);
        kept.removeAll(List.of(excluded));
        return new MethodMatch(kind, Set.copyOf(kept), pattern, excludedPattern, returns, notReturns, parameters,
                firstParameter, parameterCount);
    }

    /** As this, without the methods whose whole name matches {@code regex}. */
    MethodMatch exceptMatching(String regex) {
        return new MethodMatch(kind, names, pattern, Pattern.compile(regex), returns, notReturns, parameters,
                firstParameter, parameterCount);
    }

    /** @return whether the method with these flags, name and descriptor matches */
    boolean matches(int access, String name, String descriptor) {
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        boolean special = name.charAt(0) == '<';
        switch (kind) {
            case INSTANCE:
                if (isStatic || special || (access & Opcodes.ACC_ABSTRACT) != 0) {
                    return false;
                }
                break;
            case STATIC:
                if (!isStatic || special) {
                    return false;
                }
                break;
            case CONSTRUCTOR:
                if (!name.equals("<init>")) {
                    return false;
                }
                break;
            default:
                break;
        }
        if (names != null && !names.contains(name)) {
            return false;
        }
        if (pattern != null && !pattern.matcher(name).matches()) {
            return false;
        }
        if (excludedPattern != null && excludedPattern.matcher(name).matches()) {
            return false;
        }
        int close = descriptor.indexOf(')');
        if (returns != null && returns.equals(descriptor.substring(close + 1)) == notReturns) {
            return false;
        }
        if (parameters != null && (parameters.length() != close + 1 || !descriptor.startsWith(parameters))) {
            return false;
        }
        if (firstParameter != null && !descriptor.startsWith(firstParameter, 1)) {
            return false;
        }
        return parameterCount < 0 || Type.getArgumentTypes(descriptor).length == parameterCount;
    }
}
