package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice keyed on the first argument: field updaters, on the target object's {@code Bridges.FIELD_ATOMICS}
 * channel, where VarHandle operations and volatile accesses to that object's fields meet them.
 */
final class ArgumentAdvice {

    private ArgumentAdvice() {
    }

    /** A write through the updater: release into the target object. */
    static final class Release {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.release(key, Bridges.FIELD_ATOMICS);
            }
        }
    }

    /** A read through the updater: acquire from the target object. */
    static final class Acquire {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.acquire(key, Bridges.FIELD_ATOMICS);
            }
        }
    }

    /** A read-modify-write through the updater; see {@link ThisAdvice.ReadModifyWrite} for the entry acquire. */
    static final class ReadModifyWrite {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.acquire(key, Bridges.FIELD_ATOMICS);
                Hooks.release(key, Bridges.FIELD_ATOMICS);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.acquire(key, Bridges.FIELD_ATOMICS);
            }
        }
    }

    /** A counter's update through the updater ({@code incrementAndGet}...): see {@code ThisAdvice.CountingUpdate}. */
    static final class CountingUpdate {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.acquire(key, Bridges.INCIDENTAL | Bridges.FIELD_ATOMICS);
                Hooks.release(key, Bridges.FIELD_ATOMICS);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(0) Object key) {
            if (key != null) {
                Hooks.acquire(key, Bridges.INCIDENTAL | Bridges.FIELD_ATOMICS);
            }
        }
    }
}
