package dev.guarded.options;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the option string of {@code -javaagent:guarded-agent.jar=<options>} for tools that start JVMs with the
 * agent (the Maven plugin). Every entry is checked by {@link AgentOptions#parse} itself, the parser the agent
 * runs at start, so a tool accepts exactly what the agent accepts; a rejection names the tool's own setting
 * (e.g. {@code guarded.mode}) in front of the agent's message. Not thread-safe; use one builder per string.
 */
public final class AgentOptionString {

    private final List<String> entries = new ArrayList<>();

    /** Starts an empty option string. */
    public AgentOptionString() {
    }

    /**
     * Adds {@code key=value} after checking it with the agent's parser; a null or blank value adds nothing.
     *
     * @param key    an option of {@link AgentOptions#KEYS}
     * @param value  its value (trimmed)
     * @param source the setting the value came from, for the error message
     * @return this
     * @throws IllegalArgumentException {@code "<source>: <why>"} when the agent would reject the entry
     */
    public AgentOptionString put(String key, String value, String source) {
        if (value == null || value.isBlank()) {
            return this;
        }
        String v = value.trim();
        // The agent splits its argument on commas: a comma inside a value would end it early.
        if (v.indexOf(',') >= 0) {
            throw new IllegalArgumentException(source + ": '" + v + "' contains a comma, which the agent's option"
                    + " syntax cannot carry; choose a value without commas");
        }
        return add(key + "=" + v, source);
    }

    /**
     * Adds a flag such as {@code quiet}.
     *
     * @param key    the flag
     * @param source the setting the flag came from, for the error message
     * @return this
     * @throws IllegalArgumentException when the agent knows no such option
     */
    public AgentOptionString flag(String key, String source) {
        return add(key, source);
    }

    /**
     * @return the option string, {@code k=v,k=v}, as the agent will parse it
     * @throws IllegalArgumentException when the entries together are rejected (an option given twice)
     */
    public String render() {
        String options = String.join(",", entries);
        AgentOptions.parse(options);
        return options;
    }

    private AgentOptionString add(String entry, String source) {
        try {
            AgentOptions.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        entries.add(entry);
        return this;
    }
}
