package dev.guarded.maven.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates the plugin's user-facing settings and renders them as the agent's option string
 * ({@code k=v,k=v}). Every rejection is an {@link IllegalArgumentException} whose message names the
 * parameter, the bad value and what is accepted, so the mojo can pass it on unchanged.
 */
public final class AgentArguments {

    /** The detector modes the agent accepts. */
    public static final List<String> MODES = List.of("hb", "lockset", "hybrid");

    /** A dotted class pattern: identifiers, {@code *} within a segment, {@code **} across segments. */
    private static final Pattern CLASS_PATTERN =
            Pattern.compile("(\\*\\*|[\\p{L}_$*][\\p{L}\\p{N}_$*]*)(\\.(\\*\\*|[\\p{L}_$*][\\p{L}\\p{N}_$*]*))*");

    /** How users may separate several patterns in one Maven property. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;|\\s]+");

    private final List<String> options = new ArrayList<>();

    /**
     * Starts the option string with the report file.
     *
     * @param reportFile JSON report path; may contain the agent's {@code ${pid}} placeholder
     */
    public AgentArguments(String reportFile) {
        add("report", reportFile, "guarded.reportDirectory");
    }

    /**
     * Adds {@code mode=}; blank means the agent's default.
     *
     * @param mode {@code hb}, {@code lockset} or {@code hybrid} (case-insensitive), or null/blank
     * @return this
     */
    public AgentArguments mode(String mode) {
        if (isBlank(mode)) {
            return this;
        }
        String normal = mode.trim().toLowerCase(Locale.ROOT);
        if (!MODES.contains(normal)) {
            throw new IllegalArgumentException("guarded.mode '" + mode.trim() + "' is not a detector mode; accepted: "
                    + String.join(", ", MODES) + " (default hb)");
        }
        options.add("mode=" + normal);
        return this;
    }

    /**
     * Adds {@code include=}; several patterns may be separated by commas, semicolons, bars or spaces.
     *
     * @param patterns class patterns such as {@code com.acme.**}, or null/blank
     * @return this
     */
    public AgentArguments includes(String patterns) {
        return patterns("include", "guarded.includes", patterns);
    }

    /**
     * Adds {@code exclude=}, with the same syntax as {@link #includes(String)}.
     *
     * @param patterns class patterns, or null/blank
     * @return this
     */
    public AgentArguments excludes(String patterns) {
        return patterns("exclude", "guarded.excludes", patterns);
    }

    /**
     * Adds {@code suppress=} for an existing, readable suppression file.
     *
     * @param file the suppression file, or null
     * @return this
     */
    public AgentArguments suppressions(File file) {
        if (file == null) {
            return this;
        }
        if (!file.isFile() || !file.canRead()) {
            throw new IllegalArgumentException("guarded.suppressions: " + file + (file.exists() ? " is not a readable file" : " does not exist")
                    + "; expected a text file with one 'field:<pattern>' or 'class:<pattern>' per line ('#' starts a comment)");
        }
        add("suppress", file.getAbsolutePath(), "guarded.suppressions");
        return this;
    }

    /**
     * Adds a bare flag such as {@code quiet}.
     *
     * @param flag the option name
     * @return this
     */
    public AgentArguments flag(String flag) {
        options.add(flag);
        return this;
    }

    /** @return the option string for {@code -javaagent:<jar>=<options>} */
    public String render() {
        return String.join(",", options);
    }

    private AgentArguments patterns(String key, String parameter, String patterns) {
        if (isBlank(patterns)) {
            return this;
        }
        List<String> accepted = new ArrayList<>();
        for (String pattern : LIST_SEPARATOR.split(patterns.trim())) {
            if (!CLASS_PATTERN.matcher(pattern).matches()) {
                throw new IllegalArgumentException(parameter + ": '" + pattern + "' is not a class pattern; use dotted class or"
                        + " package names where * matches within one segment and ** across segments, e.g. com.acme.** or"
                        + " com.acme.*Cache, several separated by commas");
            }
            accepted.add(pattern);
        }
        options.add(key + "=" + String.join(";", accepted));
        return this;
    }

    private void add(String key, String value, String parameter) {
        // A comma would end the option early: the agent splits its argument string on commas.
        if (value.indexOf(',') >= 0) {
            throw new IllegalArgumentException(parameter + ": the path '" + value + "' contains a comma, which the agent's"
                    + " option syntax cannot carry; choose a path without commas");
        }
        options.add(key + "=" + value);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
