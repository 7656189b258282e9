package dev.guarded.maven.internal;

/**
 * Builds the JVM argument line that surefire and failsafe pass to forked test JVMs. The agent argument is
 * prepended so that anything the user already had (heap size, other agents, {@code @{argLine}}) still applies.
 */
public final class ArgLine {

    private ArgLine() {
    }

    /**
     * Renders {@code -javaagent:<jar>=<options>}, quoted when it contains whitespace (surefire splits the line
     * on unquoted whitespace).
     *
     * @param agentJar absolute path of the agent jar
     * @param options  the agent's option string
     * @return one JVM argument
     */
    public static String javaagent(String agentJar, String options) {
        String argument = "-javaagent:" + agentJar + (options.isEmpty() ? "" : "=" + options);
        if (argument.indexOf('"') >= 0) {
            throw new IllegalArgumentException("the agent argument cannot contain a double quote: " + argument);
        }
        return argument.chars().anyMatch(Character::isWhitespace) ? '"' + argument + '"' : argument;
    }

    /**
     * Prepends {@code agentArgument} to an existing argument line. Running the goal twice with the same
     * settings does not add the agent twice.
     *
     * @param agentArgument the rendered {@code -javaagent} argument
     * @param existing      the current value of the property, or null
     * @return the new value
     */
    public static String prepend(String agentArgument, String existing) {
        if (existing == null || existing.isBlank()) {
            return agentArgument;
        }
        if (existing.contains(agentArgument)) {
            return existing;
        }
        return agentArgument + " " + existing.trim();
    }
}
