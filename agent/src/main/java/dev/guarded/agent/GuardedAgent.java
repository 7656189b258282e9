package dev.guarded.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.util.jar.JarFile;

/**
 * The {@code -javaagent} entry point: {@code Premain-Class}, {@code Agent-Class} and
 * {@code Launcher-Agent-Class} of {@code guarded-agent.jar}.
 *
 * <p>This class is deliberately tiny. It is defined by the system class loader, so it first appends its own
 * jar to the bootstrap search path and then reaches everything else through the bootstrap loader: the hooks
 * that instrumented code calls, the detector and the instrumenter are then defined exactly once, by the
 * bootstrap loader, and visible from every class loader (the JDK's own included).
 */
public final class GuardedAgent {

    private static final String STARTER = "dev.guarded.agent.internal.instrument.AgentStarter";

    private GuardedAgent() {
    }

    /**
     * Started with {@code -javaagent:guarded-agent.jar[=options]} before {@code main}.
     *
     * @param options the agent argument, {@code key=value} pairs separated by commas; may be null
     * @param inst    the JVM's instrumentation service
     */
    public static void premain(String options, Instrumentation inst) {
        start(options, inst, false);
    }

    /**
     * Started by dynamic attach or as a {@code Launcher-Agent-Class}: classes already loaded are retransformed.
     *
     * @param options the agent argument; may be null
     * @param inst    the JVM's instrumentation service
     */
    public static void agentmain(String options, Instrumentation inst) {
        start(options, inst, true);
    }

    private static void start(String options, Instrumentation inst, boolean attached) {
        File jar = agentJar();
        try {
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            Class<?> starter = Class.forName(STARTER, true, null);
            starter.getMethod("start", String.class, Instrumentation.class, boolean.class, File.class)
                    .invoke(null, options, inst, attached, jar);
        } catch (InvocationTargetException e) {
            fail(e.getCause());
        } catch (Exception | LinkageError e) {
            fail(e);
        }
    }

    private static File agentJar() {
        try {
            return new File(GuardedAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("guarded: cannot locate the agent jar", e);
        }
    }

    private static void fail(Throwable cause) {
        // A detector that silently does nothing is worse than none: stop the JVM, like a bad option does.
        System.err.println("guarded: the race detector could not start: " + cause);
        cause.printStackTrace();
        System.exit(2);
    }
}
