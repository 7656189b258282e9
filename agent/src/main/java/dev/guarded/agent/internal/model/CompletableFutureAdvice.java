package dev.guarded.agent.internal.model;

import java.util.concurrent.CompletableFuture;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * CompletableFuture dependents. Completion and observation of a future itself use {@link ThisAdvice}; here a
 * dependent stage acquires its sources before its action runs: {@code tryFire} of the JDK's completion
 * objects acquires {@code src} (and {@code snd} for two-source stages), and the {@code xxxStage} methods,
 * which may run the action at once when the source is already complete, acquire the receiver and the other
 * stage.
 */
final class CompletableFutureAdvice {

    private CompletableFutureAdvice() {
    }

    /**
     * {@code UniCompletion.tryFire}: the dependent stage runs as a logical thread of its own, whichever thread
     * fires it (the completing one, the registering one, an executor's): it starts from the registration
     * (released when the completion object was constructed) and the source's completion; what it
     * publishes is its dependent future's completion.
     */
    static final class UniFire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self, @Advice.FieldValue("src") Object src) {
            Hooks.taskBegin(self, null, false);
            if (src != null) {
                Hooks.acquire(src);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.taskEnd(self);
        }
    }

    /** {@code BiCompletion.tryFire}: as {@link UniFire}, with both sources. */
    static final class BiFire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self, @Advice.FieldValue("src") Object src,
                @Advice.FieldValue("snd") Object snd) {
            Hooks.taskBegin(self, null, false);
            if (src != null) {
                Hooks.acquire(src);
            }
            if (snd != null) {
                Hooks.acquire(snd);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.taskEnd(self);
        }
    }

    /** {@code uniXxxStage/biXxxStage/orXxxStage}: the receiver and any other future argument. */
    static final class Stage {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self, @Advice.AllArguments Object[] args) {
            Hooks.acquire(self);
            for (Object arg : args) {
                if (arg instanceof CompletableFuture) {
                    Hooks.acquire(arg);
                }
            }
        }
    }
}
