package dev.guarded.agent.internal.instrument;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.objectweb.asm.Opcodes;

/**
 * The one rule that decides which fields carry shadow words in their object, shared by the class that
 * declares a field (which gets the words added) and by every class that accesses it (which then reads the
 * words instead of calling the detector): both sides evaluate it on the same inputs, the declaring class's
 * name and its original class file, so they always agree and an accessor never names a word that is not
 * there.
 *
 * <p>For a plain instance field {@code f} (not static, final, volatile or synthetic) of a class with words, three
 * {@code long} fields are declared next to it: {@code guarded$w$f} (FastTrack's last-write epoch),
 * {@code guarded$r$f} (last-read epoch, or a marker that the reads are shared) and {@code guarded$s$f} (the
 * sites of those two accesses), plus one {@code guarded$side} reference per class for the rare state that does
 * not fit in words. They are {@code transient} and synthetic, so Java serialization and reflection-based mappers
 * leave them alone; a serializable class without an explicit {@code serialVersionUID} gets the one the JVM
 * would have computed for its original class file ({@link SerialVersion}), since non-private words would
 * change it. The words copy the field's visibility so that every class that may access the field may access
 * its words.
 *
 * <p>The topmost class with words of a hierarchy also declares {@code guarded$sync}, a reference where the
 * detector keeps the object's synchronization state (its monitor, its volatile fields, the releases and acquires
 * the JDK model records on it): found by the object's class alone, without the weak identity table every other
 * object's state lives in. Only the detector reads it (through the offset it finds by reflection), so a class
 * that does not get it, or a superclass that failed to load with it, only means the table is used instead.
 *
 * <p>A class has words when the detector runs in a mode that uses them, the agent started before the
 * application (classes loaded earlier cannot gain fields), it is an application class (the include/exclude
 * patterns), not an interface or record, and it is not visible to the platform class loader (so it cannot be
 * a JDK or boot class path class that the instrumenter never rewrites).
 */
final class ShadowWords {

    static final String PREFIX = "guarded$";
    static final String WRITE = PREFIX + "w$";
    static final String READ = PREFIX + "r$";
    static final String SITES = PREFIX + "s$";
    static final String SIDE = PREFIX + "side";
    static final String SYNC = PREFIX + "sync";

    private static final int NOT_PLAIN = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE
            | Opcodes.ACC_SYNTHETIC;

    private final boolean enabled;
    private final Predicate<String> application;
    private final Set<String> loadedBefore;
    private final Map<String, Boolean> platformVisible = new ConcurrentHashMap<>();

    /**
     * @param enabled      false when no class may get words (another mode, a dynamic attach, words switched off)
     * @param application  whether a dotted class name is instrumented
     * @param loadedBefore internal names of classes already loaded when the rule was made: they cannot gain
     *                     fields any more
     */
    ShadowWords(boolean enabled, Predicate<String> application, Set<String> loadedBefore) {
        this.enabled = enabled;
        this.application = application;
        this.loadedBefore = loadedBefore;
    }

    /** @return whether words are on at all (array elements then use the context's page cache too) */
    boolean enabled() {
        return enabled;
    }

    /** @return a rule under which no class has words */
    static ShadowWords none() {
        return new ShadowWords(false, name -> false, Set.of());
    }

    /** @return whether the class with this (original) shape declares words for its plain instance fields */
    boolean classHasWords(ClassShape shape) {
        if (!enabled || shape == ClassShape.UNKNOWN || shape.name == null || shape.isInterface()
                || "java/lang/Record".equals(shape.superName) || shape.name.startsWith("java/")) {
            return false;
        }
        return application.test(shape.name.replace('/', '.')) && !loadedBefore.contains(shape.name)
                && !platformVisible(shape.name);
    }

    /**
     * @return whether the class declares the sync slot: it has words and its superclass cannot have them (a JDK
     *     class, a class outside the include patterns or loaded before the agent), so that every object carries
     *     one slot at most
     */
    boolean declaresSyncSlot(ClassShape shape) {
        return classHasWords(shape) && !mayHaveWords(shape.superName);
    }

    /** @return whether the class with this internal name may have words (its class file is not at hand) */
    private boolean mayHaveWords(String internalName) {
        return internalName != null && !internalName.startsWith("java/")
                && application.test(internalName.replace('/', '.')) && !loadedBefore.contains(internalName)
                && !platformVisible(internalName);
    }

    /** @return whether a field with these access flags, declared in a class with words, has words */
    static boolean plainInstanceField(int access) {
        return (access & NOT_PLAIN) == 0;
    }

    /** @return whether the resolved field has words */
    boolean has(FieldResolver.Field field) {
        return plainInstanceField(field.access()) && field.shape() != null && classHasWords(field.shape());
    }

    /** @return the access flags of a field's words: the field's visibility, transient and synthetic */
    static int wordAccess(int fieldAccess) {
        return (fieldAccess & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_PRIVATE))
                | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC;
    }

    private boolean platformVisible(String internalName) {
        return platformVisible.computeIfAbsent(internalName,
                n -> ClassLoader.getPlatformClassLoader().getResource(n + ".class") != null);
    }
}
