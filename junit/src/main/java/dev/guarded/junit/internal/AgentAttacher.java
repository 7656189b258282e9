package dev.guarded.junit.internal;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Attaches the Guarded agent to the running JVM. The jar is found as a class-path resource, never by loading an
 * agent class: the agent's hook classes must be defined by the bootstrap loader, which only happens if the
 * application loader has not defined them first.
 */
final class AgentAttacher {

    /** System property with the agent options used for a run-time attach ({@code k=v,k=v}). */
    static final String OPTIONS_PROPERTY = "guarded.options";

    private static final String MARKER = "dev/guarded/agent/GuardedAgent.class";

    private AgentAttacher() {
    }

    /** Attaches the agent found on the class path and says so on standard error. */
    static void attach() {
        File jar = locateAgentJar();
        String pid = Long.toString(ProcessHandle.current().pid());
        String options = System.getProperty(OPTIONS_PROPERTY, "");
        try {
            ByteBuddyAgent.attach(jar, pid, options.isEmpty() ? null : options);
        } catch (RuntimeException e) {
            throw new IllegalStateException("guarded: could not attach " + jar + " to this JVM (pid " + pid + "): " + e.getMessage()
                    + "; start the test JVM with -javaagent:" + jar + " instead", e);
        }
        System.err.println("guarded: no -javaagent given; attached the race detector at run time (pid " + pid + ", " + jar + ")");
    }

    static File locateAgentJar() {
        ClassLoader loader = AgentAttacher.class.getClassLoader();
        URL url = loader == null ? ClassLoader.getSystemResource(MARKER) : loader.getResource(MARKER);
        if (url == null) {
            throw new IllegalStateException("guarded: the agent is not attached and guarded-agent is not on the class path;"
                    + " add the dev.guarded:guarded-agent dependency or start the JVM with -javaagent:guarded-agent.jar");
        }
        String spec = url.toString();
        if (!"jar".equals(url.getProtocol()) || spec.indexOf("!/") < 0) {
            throw new IllegalStateException("guarded: the agent must be a packaged jar to be attached, but its classes come from "
                    + spec + "; use the guarded-agent jar (mvn package) or -javaagent");
        }
        try {
            return new File(new URL(spec.substring("jar:".length(), spec.indexOf("!/"))).toURI());
        } catch (java.net.MalformedURLException | URISyntaxException e) {
            throw new IllegalStateException("guarded: cannot turn " + spec + " into a file: " + e.getMessage(), e);
        }
    }
}
