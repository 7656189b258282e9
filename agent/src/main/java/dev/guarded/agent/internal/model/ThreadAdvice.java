package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/** Thread start and termination: {@code start} releases to the new thread; a seen termination acquires it. */
final class ThreadAdvice {

    private ThreadAdvice() {
    }

    /** {@code Thread.start()} and the JDK-internal {@code start(ThreadContainer)} (platform and virtual). */
    static final class Start {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread self) {
            Hooks.threadStarting(self);
        }
    }

    /** Every {@code join} overload: when it returns with the thread dead, the thread's actions are visible. */
    static final class Join {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Thread self) {
            if (!self.isAlive()) {
                Hooks.threadTerminated(self);
            }
        }
    }

    /**
     * The end of a thread's own run, on that thread: {@code Thread.exit()} (platform threads, called by the
     * JVM) and {@code VirtualThread.run(Runnable)} (a virtual thread's body, before its continuation ends).
     */
    static final class Exiting {
        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit() {
            Hooks.threadExiting();
        }
    }

    /** {@code isAlive()} returning false observes termination. */
    static final class IsAlive {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Thread self, @Advice.Return boolean alive) {
            if (!alive) {
                Hooks.threadTerminated(self);
            }
        }
    }

    /**
     * JDK-internal work that orders nothing a program can rely on, so the hooks inside are ignored: a virtual
     * thread's continuation handed to its scheduler (on unpark, yield, start: an unpark orders nothing, and the
     * scheduler's task wrappers and queues would each get clocks, one per park/unpark), and the JVM's linkage
     * upcalls and lazily filled JVM-wide tables (call sites, method types, class-loading locks), done by whichever
     * thread gets there first. The rules using it say which methods.
     */
    static final class Internals {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            Hooks.ignoreBegin();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit() {
            Hooks.ignoreEnd();
        }
    }
}
