package dev.guarded.agent.internal.model;

import java.util.Collection;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinTask;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * ForkJoin: a task is the key. Creating or forking it releases; executing it ({@code doExec}) acquires at
 * the start and releases at the end; joining acquires. Counted completers release into every ancestor when
 * they signal completion, and {@code onCompletion} acquires, because the last child to finish runs its
 * parent's completion and reads its siblings' results.
 */
final class ForkJoinAdvice {

    private ForkJoinAdvice() {
    }

    /** {@code ForkJoinTask.doExec}: runs the task between an acquire and a release. */
    static final class Exec {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object task) {
            Hooks.acquire(task);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This Object task) {
            Hooks.release(task);
        }
    }

    /** Static {@code ForkJoinTask.invokeAll(...)}: acquires every task passed (single, array or collection). */
    static final class InvokeAll {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.AllArguments Object[] args) {
            for (Object arg : args) {
                if (arg instanceof ForkJoinTask) {
                    Hooks.acquire(arg);
                } else if (arg instanceof Object[]) {
                    for (Object t : (Object[]) arg) {
                        Hooks.acquire(t);
                    }
                } else if (arg instanceof Collection) {
                    for (Object t : (Collection<?>) arg) {
                        Hooks.acquire(t);
                    }
                }
            }
        }
    }

    /** Pool submission of a ForkJoinTask: releases into the task. */
    static final class Submit {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object task) {
            if (task instanceof ForkJoinTask) {
                Hooks.release(task);
            }
        }
    }

    /** {@code CountedCompleter.tryComplete/propagateCompletion/complete/...}: release into each ancestor. */
    static final class SignalCompletion {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This CountedCompleter<?> self) {
            for (CountedCompleter<?> c = self; c != null; c = c.getCompleter()) {
                Hooks.release(c);
            }
        }
    }
}
