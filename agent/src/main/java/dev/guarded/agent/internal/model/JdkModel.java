package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.ClassMatch.nestedIn;
import static dev.guarded.agent.internal.model.MethodMatch.any;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import dev.guarded.agent.hook.ModelHooks;
import org.objectweb.asm.Type;

/**
 * Installs the model of the JDK's synchronization: calls of {@link ModelHooks} at the entry and exit of
 * {@code java.base} methods (the callee side, so the JDK's own internal uses are covered too), and rewrites
 * inside a few of them, applied when a class loads and by retransformation to the classes already loaded.
 * {@code java.base} is given a read edge to the hooks' module first (by the agent's start).
 *
 * <p>Plain ASM on the agent's own copy, not a bytecode framework: the model is installed in every watched JVM
 * before the program starts, and a framework's start-up (its own classes loaded and compiled, type
 * descriptions built for every loaded JDK class) cost more than a second and tens of megabytes per run.
 */
public final class JdkModel {

    /** The classes of {@code java.util.Timer} that the model advises, outside the packages it covers whole. */
    private static final Set<String> TIMER_CLASSES = Set.of("java/util/Timer", "java/util/TaskQueue");

    private JdkModel() {
    }

    /** @return every rule of the model, in application order */
    static List<Rule> rules() {
        List<Rule> all = new ArrayList<>();
        all.addAll(LockRules.rules());
        all.addAll(SynchronizerRules.rules());
        all.addAll(ExecutorRules.rules());
        all.addAll(CollectionRules.rules());
        all.addAll(AtomicRules.rules());
        return all;
    }

    /** @return every rewrite of the model */
    static List<Rewrite> rewrites() {
        List<Rewrite> all = new ArrayList<>(CollectionRules.rewrites());
        all.add(new Rewrite(nestedIn("java.util.concurrent.CompletableFuture"), any(), Rewrite.Kind.RESULT_READS));
        return all;
    }

    /**
     * @param internalName a class's internal name
     * @return whether the model may change the class: {@code java.lang}, {@code java.util.concurrent} and
     *         their subpackages, and {@code java.util.Timer}'s classes
     */
    static boolean inScope(String internalName) {
        return internalName.startsWith("java/lang/") || internalName.startsWith("java/util/concurrent/")
                || TIMER_CLASSES.contains(internalName);
    }

    /**
     * Installs the model and retransforms the loaded JDK classes it applies to.
     *
     * @param inst the instrumentation service
     */
    public static void install(Instrumentation inst) {
        List<Rule> rules = rules();
        List<Rewrite> rewrites = rewrites();
        loadModelledClasses(rules, rewrites);
        ModelTransformer transformer = new ModelTransformer(rules, rewrites, hookSignatures());
        inst.addTransformer(transformer, true);
        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getClassLoader() == null && !type.isArray() && !type.isPrimitive() && !type.isHidden()
                    && transformer.learn(type) && inst.isModifiableClass(type)) {
                targets.add(type);
            }
        }
        retransform(inst, targets);
    }

    /**
     * Retransforms all targets at once; if the JVM refuses the batch, one by one, so that a class it refuses
     * stays as it was and the others are still modelled.
     */
    private static void retransform(Instrumentation inst, List<Class<?>> targets) {
        try {
            inst.retransformClasses(targets.toArray(new Class<?>[0]));
        } catch (Throwable batch) {
            for (Class<?> type : targets) {
                try {
                    inst.retransformClasses(type);
                } catch (Throwable e) {
                    couldNotModel(type.getName(), e);
                }
            }
        }
    }

    /** The JDK classes whose nested classes the model advises or rewrites by prefix or superclass. */
    private static final Class<?>[] OUTER_CLASSES = {ConcurrentHashMap.class, ConcurrentSkipListMap.class,
        CompletableFuture.class, AtomicIntegerFieldUpdater.class, AtomicLongFieldUpdater.class,
        AtomicReferenceFieldUpdater.class};

    /**
     * Loads (without initializing) every class a rule names and the nested classes of {@link #OUTER_CLASSES}
     * before the model is installed, so that installing it retransforms them, with their superclasses known.
     * Left to load on first use, a class may first be loaded inside one of the agent's own transformations
     * (the instrumenter's, the model's): the JVM does not hand a class loaded there to this agent's
     * transformers, so it would run unmodelled, and the program's synchronization through it would be
     * invisible. (Seen: the instrumenter's {@code MessageDigest} initializing {@code java.security.Security},
     * which iterates a {@code ConcurrentHashMap} entry set, first loaded {@code ConcurrentHashMap$EntryIterator}
     * and {@code $MapEntry}. A class another agent's transformer loads does reach this agent's.) A class absent
     * from this JDK version is skipped.
     */
    private static void loadModelledClasses(List<Rule> rules, List<Rewrite> rewrites) {
        Set<String> names = new HashSet<>();
        for (Rule rule : rules) {
            names.addAll(rule.types().names());
        }
        for (Rewrite rewrite : rewrites) {
            names.addAll(rewrite.types().names());
        }
        for (String name : names) {
            try {
                Class.forName(name.replace('/', '.'), false, null);
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this JDK (ThreadPerTaskExecutor before 21, VirtualThread before 19): nothing to model
            }
        }
        for (Class<?> outer : OUTER_CLASSES) {
            outer.getDeclaredClasses();
        }
    }

    /** Name plus descriptor of every hook in {@link ModelHooks}. */
    private static Set<String> hookSignatures() {
        Set<String> signatures = new HashSet<>();
        for (Method method : ModelHooks.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                signatures.add(method.getName() + Type.getMethodDescriptor(method));
            }
        }
        return Set.copyOf(signatures);
    }

    /** One line per JDK class that could not be modelled: its synchronization would be invisible. */
    static void couldNotModel(String typeName, Throwable error) {
        System.err.println("guarded: could not model " + typeName + " (" + error + "); its synchronization is "
                + "not seen and races through it may be reported");
    }
}
