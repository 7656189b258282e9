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

    /** {@code UniCompletion.tryFire}: the source's completion happens-before the dependent action. */
    static final class UniFire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("src") Object src) {
            if (src != null) {
                Hooks.acquire(src);
            }
        }
    }

    /** {@code BiCompletion.tryFire}: both sources. */
    static final class BiFire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("src") Object src, @Advice.FieldValue("snd") Object snd) {
            if (src != null) {
                Hooks.acquire(src);
            }
            if (snd != null) {
                Hooks.acquire(snd);
            }
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
