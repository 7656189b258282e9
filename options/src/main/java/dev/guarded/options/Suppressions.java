package dev.guarded.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The intentional races named in a suppression file ({@code suppress=<file>}). Format, one entry per line:
 * <pre>
 * # comment (also after an entry)
 * field:com.acme.Cache.hash      # a field, by owner class and name; globs as in ClassPattern
 * field:int[]                    # array elements of a type, as reports name them
 * class:com.acme.stats.**        # any race on a field declared in, or accessed from, a matching class
 * </pre>
 * Blank lines are ignored. Immutable and thread-safe.
 */
public final class Suppressions {

    /** Suppresses nothing. */
    public static final Suppressions NONE = new Suppressions(List.of(), List.of());

    private final List<ClassPattern> fields;
    private final List<ClassPattern> classes;

    private Suppressions(List<ClassPattern> fields, List<ClassPattern> classes) {
        this.fields = List.copyOf(fields);
        this.classes = List.copyOf(classes);
    }

    /**
     * Reads and parses a file.
     *
     * @throws IllegalArgumentException one line naming the file (and line) and what was wrong
     */
    public static Suppressions read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("suppress=" + file + ": cannot read the file: it does not exist; expected"
                    + " a text file with one 'field:<pattern>' or 'class:<pattern>' per line ('#' starts a comment)");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("suppress=" + file + ": cannot read the file ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return parse(lines, file.toString());
    }

    /**
     * Parses lines.
     *
     * @param source named in error messages, e.g. the file path
     * @throws IllegalArgumentException {@code source:line: ...} naming the bad entry and the accepted forms
     */
    public static Suppressions parse(List<String> lines, String source) {
        List<ClassPattern> fields = new ArrayList<>();
        List<ClassPattern> classes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (entry.isEmpty()) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            int colon = entry.indexOf(':');
            String kind = colon < 0 ? "" : entry.substring(0, colon).trim();
            String pattern = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (!kind.equals("field") && !kind.equals("class")) {
                throw new IllegalArgumentException(where + "'" + entry
                        + "' is not an entry; accepted: 'field:<pattern>', 'class:<pattern>', '# comment'");
            }
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException(where + "'" + entry + "' has no pattern after '" + kind + ":'");
            }
            try {
                (kind.equals("field") ? fields : classes).add(ClassPattern.compile(pattern));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        return new Suppressions(fields, classes);
    }

    /**
     * Decides whether a race is suppressed.
     *
     * @param field       the reported field name, e.g. {@code com.acme.Counter.value} or {@code int[]}
     * @param ownerClass  the declaring class of the field, or null for arrays
     * @param siteClasses classes of the code performing the two accesses (nulls ignored)
     */
    public boolean suppresses(String field, String ownerClass, String... siteClasses) {
        if (ClassPattern.anyMatches(fields, field)) {
            return true;
        }
        if (ownerClass != null && ClassPattern.anyMatches(classes, ownerClass)) {
            return true;
        }
        for (String c : siteClasses) {
            if (c != null && ClassPattern.anyMatches(classes, c)) {
                return true;
            }
        }
        return false;
    }

    /** @return the number of entries */
    public int size() {
        return fields.size() + classes.size();
    }
}
