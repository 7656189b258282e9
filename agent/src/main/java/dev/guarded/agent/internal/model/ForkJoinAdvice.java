package dev.guarded.agent.internal.model;

import java.util.Collection;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinTask;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * ForkJoin: a task is the key. Creating or forking it releases; executing it ({@code doExec}) acquires at
 * the start; every way of completing it ({@code setDone}, {@code trySetThrown}, {@code trySetCancelled}, the
 * private methods that {@code doExec}, {@code complete}, {@code quietlyComplete}, {@code completeExceptionally}
 * and {@code cancel} funnel into) releases on entry, before the status is set and joiners are woken; joining
 * acquires. Counted completers release into every ancestor when
 * they signal completion, and {@code onCompletion} acquires, because the last child to finish runs its
 * parent's completion and reads its siblings' results.
 */
final class ForkJoinAdvice {

    private ForkJoinAdvice() {
    }

    /**
     * Static {@code ForkJoinTask.invokeAll(...)}: releases into every task passed (single, array or
     * collection) before they run, some of them in the caller, and acquires each when all are done.
     */
    static final class InvokeAll {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.AllArguments Object[] args) {
            for (Object arg : args) {
                if (arg instanceof ForkJoinTask) {
                    Hooks.release(arg);
                } else if (arg instanceof Object[]) {
                    for (Object t : (Object[]) arg) {
                        if (t != null) {
                            Hooks.release(t);
                        }
                    }
                } else if (arg instanceof Collection) {
                    for (Object t : (Collection<?>) arg) {
                        if (t != null) {
                            Hooks.release(t);
                        }
                    }
                }
            }
        }

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
