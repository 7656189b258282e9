package dev.guarded.options;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob over binary class names (or qualified field names): {@code *} matches within one dot-separated
 * segment, {@code **} matches across segments (any characters). {@code com.acme.**} matches
 * {@code com.acme.Foo} and {@code com.acme.a.Bar$Inner}; {@code com.acme.*} matches only direct members.
 * Immutable and thread-safe.
 */
public final class ClassPattern {

    private final String glob;
    private final Pattern regex;

    private ClassPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    /**
     * Compiles one glob.
     *
     * @throws IllegalArgumentException when the glob is empty or has characters a class name cannot have
     */
    public static ClassPattern compile(String glob) {
        String g = glob.trim();
        if (g.isEmpty()) {
            throw new IllegalArgumentException("empty class pattern");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^.]*");
                }
            } else if (Character.isJavaIdentifierPart(c) || c == '.' || c == '[' || c == ']' || c == '/') {
                re.append(Pattern.quote(String.valueOf(c)));
            } else {
                throw new IllegalArgumentException("class pattern '" + g + "' has the character '" + c
                        + "'; accepted: Java name characters, '.', '*' and '**'");
            }
        }
        return new ClassPattern(g, Pattern.compile(re.toString()));
    }

    /**
     * Compiles a list separated by {@code ;} or {@code |}; empty elements are skipped.
     *
     * @throws IllegalArgumentException for a bad element
     */
    public static List<ClassPattern> compileList(String globs) {
        List<ClassPattern> out = new ArrayList<>();
        for (String part : globs.split("[;|]")) {
            if (!part.isBlank()) {
                out.add(compile(part));
            }
        }
        return List.copyOf(out);
    }

    /** @return whether {@code name} (dots, not slashes) matches the whole glob */
    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    /** @return whether any of {@code patterns} matches {@code name} */
    public static boolean anyMatches(List<ClassPattern> patterns, String name) {
        for (ClassPattern p : patterns) {
            if (p.matches(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return glob;
    }
}
