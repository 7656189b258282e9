package dev.guarded.agent.internal.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.guarded.agent.hook.Hooks;

/**
 * Instruments the application's classes (those the options include) for field, array, monitor and
 * class-initialization events. A class that cannot be rewritten is left exactly as it was, with one warning.
 */
final class AppTransformer implements ClassFileTransformer {

    private static final String AGENT_PACKAGE = "dev/guarded/agent/";

    private final Instrumentation inst;
    private final Predicate<String> application;
    private final FieldResolver resolver = new FieldResolver();
    private final Module hooksModule = Hooks.class.getModule();
    private final ShadowWords words;
    private final boolean eliminate;

    /**
     * @param words whether classes loaded from now on get shadow words ({@link ShadowWords}); classes that
     *              the options accept and that are already loaded never do
     * @param eliminate whether checks {@link CheckElimination} finds redundant are left out
     */
    AppTransformer(Instrumentation inst, Predicate<String> application, boolean words, boolean eliminate) {
        this.eliminate = eliminate;
        this.inst = inst;
        this.application = application;
        this.words = words ? new ShadowWords(true, application, loadedApplicationClasses(inst)) : ShadowWords.none();
    }

    private Set<String> loadedApplicationClasses(Instrumentation inst) {
        Set<String> loaded = new java.util.HashSet<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (!type.isArray() && !type.isPrimitive() && accepts(type.getClassLoader(), type.getName().replace('.', '/'))) {
                loaded.add(type.getName().replace('.', '/'));
            }
        }
        return loaded;
    }

    /** @return whether classes with this internal name, defined by this loader, are instrumented */
    boolean accepts(ClassLoader loader, String internalName) {
        return internalName != null && loader != null && loader != ClassLoader.getPlatformClassLoader()
                && !internalName.startsWith(AGENT_PACKAGE) && !internalName.startsWith("java/")
                && !internalName.startsWith("module-info") && !internalName.endsWith("package-info")
                && application.test(internalName.replace('/', '.'));
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] bytes) {
        if (!accepts(loader, className)) {
            return null;
        }
        // The instrumenter's own tables (concurrent maps the JDK model watches) are shared by every thread
        // that loads a class; seen as the program's, they would order threads that only loaded classes.
        Hooks.ignoreBegin();
        try {
            byte[] result = ClassInstrumenter.instrument(bytes, loader, resolver, application, words, eliminate);
            if (module != null && module.isNamed() && !module.canRead(hooksModule)) {
                inst.redefineModule(module, Set.of(hooksModule), Map.of(), Map.of(), Set.of(), Map.of());
            }
            return result;
        } catch (Throwable e) {
            warn(className.replace('/', '.'), e);
            return wordsOnly(className, bytes);
        } finally {
            Hooks.ignoreEnd();
        }
    }

    /** The class runs unwatched, but with the words that other classes' accesses to its fields rely on. */
    private byte[] wordsOnly(String className, byte[] bytes) {
        try {
            return ClassInstrumenter.wordsOnly(bytes, words);
        } catch (Throwable e) {
            warn(className.replace('/', '.'), e);
            return null;
        }
    }

    static void warn(String className, Throwable e) {
        String reason = (e.getClass().getSimpleName() + ": " + e.getMessage()).replaceAll("\\s+", " ");
        System.err.println("guarded: could not instrument " + className + " (" + reason + "); it runs unwatched");
    }
}
