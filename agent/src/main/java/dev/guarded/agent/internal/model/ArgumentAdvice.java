package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/** Advice keyed on the first argument: field updaters (the target object) and similar. */
final class ArgumentAdvice {

    private ArgumentAdvice() {
    }

    /** A write through the updater: release into the target object. */
    static final class Release {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.release(key);
            }
        }
    }

    /** A read through the updater: acquire from the target object. */
    static final class Acquire {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.acquire(key);
            }
        }
    }

    /** A read-modify-write through the updater. */
    static final class ReleaseThenAcquire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.release(key);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.acquire(key);
            }
        }
    }
}
