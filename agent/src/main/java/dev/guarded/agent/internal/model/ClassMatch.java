package dev.guarded.agent.internal.model;

import java.util.HashSet;
import java.util.Set;

/**
 * Which JDK classes a rule applies to: by name (some names, or every name under a prefix), and optionally by
 * superclass. Names are given in source form ({@code java.util.concurrent.FutureTask}) and matched against
 * internal names; a class's superclass chain (itself first) is what {@link ModelTransformer} knows of it.
 */
final class ClassMatch {

    private final Set<String> names;
    private final String prefix;
    private final String[] anySuper;
    private final String noSuper;

    private ClassMatch(Set<String> names, String prefix, String[] anySuper, String noSuper) {
        this.names = names;
        this.prefix = prefix;
        this.anySuper = anySuper;
        this.noSuper = noSuper;
    }

    /** The classes with one of these names. */
    static ClassMatch named(String... names) {
        Set<String> internal = new HashSet<>();
        for (String name : names) {
            internal.add(internal(name));
        }
        return new ClassMatch(Set.copyOf(internal), null, null, null);
    }

    /** A class and every class nested in it ({@code outer$...}). */
    static ClassMatch nestedIn(String outer) {
        return new ClassMatch(Set.of(internal(outer)), internal(outer) + "$", null, null);
    }

    /** Every class whose name starts with {@code prefix}. */
    static ClassMatch prefixed(String prefix) {
        return new ClassMatch(Set.of(), internal(prefix), null, null);
    }

    /** As this, but only classes that are or extend one of {@code superclasses}. */
    ClassMatch extending(String... superclasses) {
        String[] internal = new String[superclasses.length];
        for (int i = 0; i < internal.length; i++) {
            internal[i] = internal(superclasses[i]);
        }
        return new ClassMatch(names, prefix, internal, noSuper);
    }

    /** As this, but not classes that are or extend {@code superclass}. */
    ClassMatch notExtending(String superclass) {
        return new ClassMatch(names, prefix, anySuper, internal(superclass));
    }

    /** As this, without the classes named. */
    ClassMatch except(String... excluded) {
        Set<String> kept = new HashSet<>(names);
        for (String name : excluded) {
            kept.remove(internal(name));
        }
        return new ClassMatch(Set.copyOf(kept), prefix, anySuper, noSuper);
    }

    /** @return the internal names this match names explicitly (a prefix it matches is not among them) */
    Set<String> names() {
        return names;
    }

    /** @return whether a class of this name may match, before its superclasses are known */
    boolean mayMatch(String internalName) {
        return names.contains(internalName) || (prefix != null && internalName.startsWith(prefix));
    }

    /**
     * @param chain the class's internal name followed by its superclasses' as far as known
     * @return whether the class matches
     */
    boolean matches(String[] chain) {
        if (!mayMatch(chain[0])) {
            return false;
        }
        if (anySuper != null && !containsAny(chain, anySuper)) {
            return false;
        }
        return noSuper == null || !containsAny(chain, new String[] {noSuper});
    }

    private static boolean containsAny(String[] chain, String[] wanted) {
        for (String type : chain) {
            for (String w : wanted) {
                if (type.equals(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String internal(String name) {
        return name.replace('.', '/');
    }
}
