package dev.guarded.agent.internal.instrument;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.internal.detect.Detector;
import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.agent.internal.model.JdkModel;
import dev.guarded.options.AgentOptions;
import dev.guarded.options.DetectionMode;

/**
 * Starts the agent once the hook package is defined in the bootstrap loader (called reflectively by
 * {@code GuardedAgent}; this class and everything it uses but the hooks live in the agent's runtime loader,
 * whose unnamed module {@code internal.boot.BootstrapHooks.openJavaBase} opens {@code java.base} internals to).
 * Order matters: the detector is listening before any class is rewritten, and {@code java.base} can read the
 * hooks before JDK classes are made to call them.
 */
public final class AgentStarter {

    private static boolean started;

    private AgentStarter() {
    }

    /**
     * @param args     the agent argument
     * @param inst     the instrumentation service
     * @param attached true for dynamic attach and {@code Launcher-Agent-Class}: loaded classes are retransformed
     */
    public static synchronized void start(String args, Instrumentation inst, boolean attached) {
        if (started) {
            System.err.println("guarded: the agent is already running; ignoring a second start");
            return;
        }
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("guarded: " + e.getMessage());
            if (attached) {
                throw e; // never kill a running JVM we were attached to; the attacher sees the error
            }
            System.exit(2);
            return;
        }
        started = true;
        // First: the JDK's futures and tasks can gain their sync slot only if nothing (the model below) loaded them.
        JdkSyncSlots.install(inst);
        HookListener detector = Detector.start(options);
        Hooks.install(detector);
        Bridges.jdkSite = Metadata.global().site("java.util.concurrent", "(JDK synchronization)", null, -1);
        Module hooks = Hooks.class.getModule();
        inst.redefineModule(Object.class.getModule(), Set.of(hooks), Map.of(), Map.of(), Set.of(), Map.of());
        JdkModel.install(inst);
        // Classes already loaded cannot gain fields, so shadow words need a start before the application.
        boolean words = !attached && options.words() && options.mode() == DetectionMode.HB && Detector.wordsSupported();
        AppTransformer transformer = new AppTransformer(inst, options::instruments, words, options.eliminate());
        if (options.verbose()) {
            Runtime.getRuntime().addShutdownHook(new Thread(CheckElimination::printSummary, "guarded-checks"));
        }
        inst.addTransformer(transformer, true);
        if (attached) {
            retransformLoaded(inst, transformer);
        }
        if (!options.quiet()) {
            System.err.println("guarded: race detector on (mode=" + options.mode().optionName()
                    + (options.report() != null ? ", report=" + options.report() : "") + ")");
        }
    }

    private static void retransformLoaded(Instrumentation inst, AppTransformer transformer) {
        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (!type.isHidden() && !type.isArray() && inst.isModifiableClass(type)
                    && transformer.accepts(type.getClassLoader(), type.getName().replace('.', '/'))) {
                targets.add(type);
            }
        }
        for (Class<?> type : targets) {
            try {
                inst.retransformClasses(type);
            } catch (Throwable e) {
                AppTransformer.warn(type.getName(), e);
            }
        }
    }
}
