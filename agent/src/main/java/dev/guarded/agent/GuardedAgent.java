package dev.guarded.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * The {@code -javaagent} entry point: {@code Premain-Class}, {@code Agent-Class} and
 * {@code Launcher-Agent-Class} of {@code guarded-agent.jar}.
 *
 * <p>This class is deliberately tiny. It is defined by the system class loader and splits the agent in two:
 * <ul>
 *   <li>the package {@code dev.guarded.agent.hook}, which instrumented code calls, is defined by the
 *       bootstrap loader so that every class loader (the JDK's own included) sees one copy of it;</li>
 *   <li>everything else (options, detector, JDK model, instrumenter, the relocated ASM) is loaded from
 *       the agent jar by a {@link RuntimeLoader} whose parent is the platform loader, so none of it is visible
 *       to the application or to the JDK.</li>
 * </ul>
 * The hooks are defined first ({@code internal.boot.BootstrapHooks}), before any class that refers to them is
 * linked: verifying {@code AgentStarter} already loads {@code HookListener}.
 */
public final class GuardedAgent {

    private static final String BOOTSTRAP_HOOKS = "dev.guarded.agent.internal.boot.BootstrapHooks";
    private static final String STARTER = "dev.guarded.agent.internal.instrument.AgentStarter";

    /** The one runtime loader of this JVM, so that a second start reaches the same {@code AgentStarter}. */
    private static RuntimeLoader runtime;

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

    private static synchronized void start(String options, Instrumentation inst, boolean attached) {
        File jar = agentJar();
        try {
            if (runtime == null) {
                runtime = new RuntimeLoader(jar);
            }
            Class.forName(BOOTSTRAP_HOOKS, true, runtime)
                    .getMethod("install", Instrumentation.class, File.class)
                    .invoke(null, inst, jar);
            Class.forName(STARTER, true, runtime)
                    .getMethod("start", String.class, Instrumentation.class, boolean.class)
                    .invoke(null, options, inst, attached);
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

    /**
     * Loads the agent's implementation from its jar, apart from the application: parent-first through the
     * platform loader (which reaches the bootstrap loader, where the hooks are), and never a second copy of
     * the hook package, which would split instrumented code from the detector.
     */
    static final class RuntimeLoader extends URLClassLoader {

        private static final String HOOK_PACKAGE = "dev.guarded.agent.hook.";

        static {
            registerAsParallelCapable();
        }

        RuntimeLoader(File jar) throws MalformedURLException {
            super("guarded-agent", new URL[] {jar.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith(HOOK_PACKAGE)) {
                throw new ClassNotFoundException(name + " must be defined by the bootstrap loader, and it is not"
                        + " (yet): BootstrapHooks.install has to run before any class that refers to the hooks");
            }
            return super.findClass(name);
        }
    }
}
