package dev.guarded.agent.internal.model;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the model of the JDK's synchronization: inlined advice on {@code java.base} classes (the callee
 * side, so the JDK's own internal uses are covered too), applied by retransformation to classes already
 * loaded. Advice only calls {@link Hooks}; {@code java.base} is given a read edge to the hooks' module first.
 */
public final class JdkModel {

    /** The classes of {@code java.util.Timer} that the model advises, outside the packages it covers whole. */
    private static final String[] TIMER_CLASSES = {"java.util.Timer", "java.util.TaskQueue"};

    private JdkModel() {
    }

    /**
     * The model's own transformations run on whichever thread loads a JDK class, through ByteBuddy's type
     * pools and caches (concurrent maps the model watches): their hooks are ignored, or two threads that
     * merely loaded classes one after another would be ordered.
     */
    private static final AgentBuilder.TransformerDecorator IGNORED_WHILE_TRANSFORMING = transformer ->
            ResettableClassFileTransformer.WithDelegation.of(transformer, new IgnoreWhileTransforming());

    /** Brackets one transformation with an ignore region ({@link Hooks#ignoreBegin}). */
    private static final class IgnoreWhileTransforming implements ResettableClassFileTransformer.WithDelegation.Callback<Void> {
        @Override
        public Void onBeforeTransform(JavaModule module, ClassLoader loader, String name, Class<?> redefined,
                ProtectionDomain domain, byte[] bytes) {
            Hooks.ignoreBegin();
            return null;
        }

        @Override
        public void onAfterTransform(Void unused, JavaModule module, ClassLoader loader, String name,
                Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
            Hooks.ignoreEnd();
        }
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

    /**
     * A rewrite of call sites or field reads inside JDK methods, for synchronization that happens in the
     * middle of a method, where entry and exit advice come too early or too late.
     *
     * @param types   the JDK types whose methods are rewritten
     * @param visitor the rewrite, applied to their declared methods
     */
    record Rewrite(ElementMatcher<? super TypeDescription> types, AsmVisitorWrapper visitor) {
    }

    /** @return every rewrite of the model */
    static List<Rewrite> rewrites() {
        List<Rewrite> all = new ArrayList<>(CollectionRules.rewrites());
        all.add(new Rewrite(named("java.util.concurrent.CompletableFuture")
                .or(nameStartsWith("java.util.concurrent.CompletableFuture$")),
                new AsmVisitorWrapper.ForDeclaredMethods().invokable(any(), new CompletableFutureAdvice.ResultReads())));
        return all;
    }

    /**
     * Advice and rewrites touch only the methods a class declares and add no member, so ByteBuddy need not
     * compile each retransformed class's whole method graph (its hierarchy's methods, resolved for overrides
     * and bridges): that analysis was a third of what the installation allocated (about 125 MB before, 82 after).
     */
    private static final ByteBuddy DECLARED_METHODS_ONLY = new ByteBuddy()
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);

    /**
     * Installs the advice and retransforms the JDK classes it applies to.
     *
     * @param agentJar the agent jar, from which the advice class files are read
     */
    public static void install(Instrumentation inst, File agentJar) throws IOException {
        ClassFileLocator advice = ClassFileLocator.ForJarFile.of(agentJar);
        FailureListener listener = new FailureListener();
        AgentBuilder builder = new AgentBuilder.Default(DECLARED_METHODS_ONLY)
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(listener)
                .ignore(not(nameStartsWith("java.lang.").or(nameStartsWith("java.util.concurrent."))
                        .or(namedOneOf(TIMER_CLASSES))))
                .assureReadEdgeTo(inst, Hooks.class)
                .with(IGNORED_WHILE_TRANSFORMING);
        // Advice suppresses what its hooks throw, except what must reach the program (Hooks.rethrowIfFatal).
        Advice.ExceptionHandler dropUnlessFatal = dropUnlessFatal();
        for (Rule rule : rules()) {
            Advice visitor = Advice.to(rule.advice(), advice).withExceptionHandler(dropUnlessFatal);
            builder = builder.type(rule.types()).transform((b, type, loader, module, domain) ->
                    b.visit(visitor.on(rule.methods())));
        }
        for (Rewrite rewrite : rewrites()) {
            builder = builder.type(rewrite.types()).transform((b, type, loader, module, domain) ->
                    b.visit(rewrite.visitor()));
        }
        loadNestedClasses();
        builder.installOn(inst);
        retransformMissed(inst, listener.transformed);
    }

    /**
     * The handler of every advice's {@code suppress = Throwable.class}: the caught throwable, on the operand
     * stack, is passed to {@link Hooks#rethrowIfFatal}, which drops it unless it is {@code ThreadDeath} or a
     * {@code VirtualMachineError}. (ByteBuddy's default handler pops it, which would swallow a
     * {@code Thread.stop} delivered inside the advice.)
     */
    static Advice.ExceptionHandler dropUnlessFatal() {
        try {
            return new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(
                    new MethodDescription.ForLoadedMethod(Hooks.class.getMethod("rethrowIfFatal", Throwable.class))));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Hooks.rethrowIfFatal is missing", e);
        }
    }

    /** The JDK classes whose nested classes the model advises or rewrites ({@link #loadNestedClasses}). */
    private static final Class<?>[] OUTER_CLASSES = {ConcurrentHashMap.class, ConcurrentSkipListMap.class,
        CompletableFuture.class};

    /**
     * Loads the nested classes of {@link #OUTER_CLASSES} before the model is installed, so that installing it
     * retransforms them. Left to load on first use, one may first be used by a transformation itself (the
     * type pools iterate concurrent maps: {@code ConcurrentHashMap$MapEntry}), where ByteBuddy does not
     * transform it, and {@link #retransformMissed} runs only once, at installation.
     */
    private static void loadNestedClasses() {
        for (Class<?> outer : OUTER_CLASSES) {
            outer.getDeclaredClasses();
        }
    }

    /**
     * ByteBuddy does not transform classes loaded while one of its own transformations runs (its circularity
     * lock); a JDK class first loaded in that window is retransformed here.
     */
    private static void retransformMissed(Instrumentation inst, Set<String> transformed) {
        List<Rule> rules = rules();
        List<Class<?>> missed = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName();
            if ((name.startsWith("java.lang.") || name.startsWith("java.util.concurrent.")
                    || List.of(TIMER_CLASSES).contains(name)) && !type.isArray()
                    && !transformed.contains(name) && inst.isModifiableClass(type) && matchesAny(rules, type)) {
                missed.add(type);
            }
        }
        if (!missed.isEmpty()) {
            try {
                inst.retransformClasses(missed.toArray(new Class<?>[0]));
            } catch (Exception | LinkageError e) {
                System.err.println("guarded: could not model " + missed + " (" + e + ")");
            }
        }
    }

    private static boolean matchesAny(List<Rule> rules, Class<?> type) {
        TypeDescription description = TypeDescription.ForLoadedType.of(type);
        for (Rule rule : rules) {
            if (rule.types().matches(description)) {
                return true;
            }
        }
        for (Rewrite rewrite : rewrites()) {
            if (rewrite.types().matches(description)) {
                return true;
            }
        }
        return false;
    }

    /** One line per JDK class that could not be modelled: its synchronization would be invisible. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            System.err.println("guarded: could not model " + typeName + " (" + error + "); its synchronization is "
                    + "not seen and races through it may be reported");
        }

        final Set<String> transformed = ConcurrentHashMap.newKeySet();

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            transformed.add(type.getName());
        }
    }
}
