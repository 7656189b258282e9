package dev.guarded.agent.internal.model;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice keyed on the receiver: the JDK object whose API gives the happens-before edge is the sync key
 * (a latch, a future, a queue, an atomic). Inlined into JDK methods; each must stay tiny and never throw.
 */
final class ThisAdvice {

    private ThisAdvice() {
    }

    /** Publishing operation: release into the receiver's clock before the effect becomes visible. */
    static final class ReleaseOnEnter {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self) {
            Hooks.release(self);
        }
    }

    /** Observing operation that returned normally: acquire the receiver's clock. */
    static final class AcquireOnExit {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.acquire(self);
        }
    }

    /** Observing operation whose {@code true} result means the publication was seen (tryAcquire, isDone). */
    static final class AcquireIfTrue {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.Return boolean observed) {
            if (observed) {
                Hooks.acquire(self);
            }
        }
    }

    /** A hand-off that runs code published earlier to the receiver (a task being run). */
    static final class AcquireOnEnter {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self) {
            Hooks.acquire(self);
        }
    }

    /**
     * Read-modify-write (CAS, getAndAdd, poll, remove): acquire and release on entry, acquire again on exit.
     * The entry acquire adds no ordering (the exit acquire covers everything it sees), but it makes the
     * release a copy of the thread's clock instead of a join of two unrelated clocks, so that the clocks
     * of a hot atomic or collection stay structurally shared and later joins cost only what changed, not
     * one step per thread that ever touched it.
     */
    static final class ReadModifyWrite {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self) {
            Hooks.acquireRelease(self);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.acquire(self);
        }
    }

    /**
     * A counter's unconditional update ({@code incrementAndGet}, {@code getAndAdd}, an adder's
     * {@code sumThenReset}): a {@link ReadModifyWrite} whose acquires are incidental edges
     * ({@code Bridges.INCIDENTAL}): the update orders the thread after the previous one, but did not wait
     * for it.
     */
    static final class CountingUpdate {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self) {
            Hooks.acquire(self, Bridges.INCIDENTAL);
            Hooks.release(self, 0);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.acquire(self, Bridges.INCIDENTAL);
        }
    }

    /** A statistic's read ({@code LongAdder.sum}): acquires as an incidental edge, see {@link CountingUpdate}. */
    static final class AcquireIncidentalOnExit {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.acquire(self, Bridges.INCIDENTAL);
        }
    }

    /** Rendezvous: release before waiting, acquire after (barrier await, exchange, arrive and wait). */
    static final class ReleaseThenAcquire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self) {
            Hooks.release(self);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.acquire(self);
        }
    }

    /** Constructors of hand-off objects (tasks): what the creating thread did happens-before the task runs. */
    static final class ReleaseOnConstructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.release(self);
        }
    }

    /** Submission to an executor: releases into the task (first argument) and the executor. */
    static final class ReleaseTaskAndThis {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self, @Advice.Argument(0) Object task) {
            if (task != null) {
                Hooks.release(task);
            }
            Hooks.release(self);
        }
    }
}
