package dev.guarded.agent.internal.boot;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Defines the package {@code dev.guarded.agent.hook} (every class in it, whatever it holds) in the bootstrap
 * loader, where instrumented code of every class loader, the JDK's own included, finds it. The rest of the
 * agent stays in its runtime loader.
 *
 * <p>The classes are defined directly ({@code jdk.internal.misc.Unsafe.defineClass} with the boot loader), not
 * by appending a jar to the bootstrap search path: an appended path makes the JVM give up class-data sharing
 * for every non-boot class ("Sharing is only supported for boot loader classes because bootstrap classpath
 * has been appended"), which costs the watched program start-up time and prints a warning in every JVM. If
 * that internal method is unavailable, a jar of just the hook package is written to a temporary file and
 * appended instead, with that warning.
 *
 * <p>Runs before any class that refers to the hooks is linked, and depends on nothing of the agent.
 */
public final class BootstrapHooks {

    /** The package defined in the bootstrap loader, as a jar entry prefix. */
    static final String HOOK_PACKAGE = "dev/guarded/agent/hook/";

    /**
     * The {@code java.base} packages opened (and so exported) to the agent's runtime module: the one place
     * that widens the agent's access to JDK internals. Opened only to the runtime loader's unnamed module,
     * never to the application.
     */
    static final Set<String> OPENED_JAVA_BASE_PACKAGES = Set.of("jdk.internal.misc");

    private BootstrapHooks() {
    }

    /**
     * Opens {@link #OPENED_JAVA_BASE_PACKAGES} to the runtime module and defines the hook package in the
     * bootstrap loader, unless an earlier start did.
     *
     * @param inst the instrumentation service
     * @param jar  the agent jar, which holds the hook classes
     * @throws IOException when the jar cannot be read, or the fallback jar cannot be written
     */
    public static synchronized void install(Instrumentation inst, File jar) throws IOException {
        openJavaBase(inst);
        Map<String, byte[]> classes = hookClasses(jar);
        if (classes.isEmpty()) {
            throw new IOException(jar + " holds no " + HOOK_PACKAGE + " classes; is it a Guarded agent jar?");
        }
        if (definedInBootLoader(classes.keySet().iterator().next())) {
            return; // a second start (premain then an attach): the JVM already has them
        }
        Method define = unsafeDefineClass();
        if (define == null || !defineAll(define, classes)) {
            appendToBootstrapSearch(inst, classes);
        }
    }

    /**
     * Opens {@link #OPENED_JAVA_BASE_PACKAGES} of {@code java.base} to the module of the agent's runtime (the
     * runtime loader's unnamed module). Idempotent.
     *
     * @param inst the instrumentation service
     */
    public static void openJavaBase(Instrumentation inst) {
        Module runtime = BootstrapHooks.class.getModule();
        Map<String, Set<Module>> toRuntime = new LinkedHashMap<>();
        for (String pkg : OPENED_JAVA_BASE_PACKAGES) {
            toRuntime.put(pkg, Set.of(runtime));
        }
        inst.redefineModule(Object.class.getModule(), Set.of(), toRuntime, toRuntime, Set.of(), Map.of());
    }

    /** @return class name to class file, for every class of the hook package in the jar (not subpackages) */
    static Map<String, byte[]> hookClasses(File jar) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String path = entry.getName();
                if (path.startsWith(HOOK_PACKAGE) && path.endsWith(".class")
                        && path.indexOf('/', HOOK_PACKAGE.length()) < 0) {
                    try (InputStream in = file.getInputStream(entry)) {
                        String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                        classes.put(name, in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    private static boolean definedInBootLoader(String className) {
        try {
            Class.forName(className, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** @return {@code Unsafe.defineClass} bound to the instance as first argument, or null if unavailable */
    private static Method unsafeDefineClass() {
        try {
            Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
            return unsafe.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                    ClassLoader.class, java.security.ProtectionDomain.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Defines every class with the boot loader. A class whose supertype is not defined yet fails with
     * {@link NoClassDefFoundError}; it is retried after the others, until a round makes no progress.
     *
     * @return false if some class could not be defined (the caller then falls back to a jar)
     */
    private static boolean defineAll(Method define, Map<String, byte[]> classes) {
        Object unsafe;
        try {
            unsafe = define.getDeclaringClass().getMethod("getUnsafe").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
        List<String> pending = new ArrayList<>(classes.keySet());
        while (!pending.isEmpty()) {
            List<String> retry = new ArrayList<>();
            for (String name : pending) {
                byte[] bytes = classes.get(name);
                try {
                    define.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    if (!(e.getCause() instanceof NoClassDefFoundError)) {
                        return false;
                    }
                    retry.add(name);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
            }
            if (retry.size() == pending.size()) {
                return false;
            }
            pending = retry;
        }
        return true;
    }

    private static void appendToBootstrapSearch(Instrumentation inst, Map<String, byte[]> classes)
            throws IOException {
        File hooksJar = Files.createTempFile("guarded-hooks-", ".jar").toFile();
        hooksJar.deleteOnExit();
        try (OutputStream file = new FileOutputStream(hooksJar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey().replace('.', '/') + ".class"));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(hooksJar));
    }
}
