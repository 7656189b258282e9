package dev.guarded.sync.internal;

import java.util.ArrayDeque;

/**
 * Runs completions one after another on the current thread instead of nesting them.
 *
 * <p>Completing a waiter runs its callbacks synchronously; a callback that releases the primitive
 * completes the next waiter, and so on. Without this a chain of a million such waiters would need a
 * million stack frames. While a thread is already completing waiters, new completions are queued
 * and run by the outer loop once the current one returns, so the stack depth stays constant.
 *
 * <p>A thread about to park calls {@link #flush()} first, so completions it queued itself (for
 * example a grant it must see before it can proceed) are never stranded behind its own park.
 */
public final class Trampoline {
    private static final ThreadLocal<Trampoline> CURRENT = new ThreadLocal<>();

    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private boolean draining;

    private Trampoline() {
    }

    /**
     * Runs {@code task} now, or after the completion currently running on this thread.
     *
     * @param task a completion; it must not block
     */
    public static void run(Runnable task) {
        Trampoline t = CURRENT.get();
        if (t == null) {
            t = new Trampoline();
            CURRENT.set(t);
        }
        if (t.draining) {
            t.pending.add(task);
            return;
        }
        t.drain(task);
    }

    /** Runs every completion this thread has queued; called before parking. */
    public static void flush() {
        Trampoline t = CURRENT.get();
        if (t != null && !t.pending.isEmpty()) {
            t.drain(t.pending.poll());
        }
    }

    private void drain(Runnable first) {
        boolean outer = draining;
        draining = true;
        Throwable failure = null;
        try {
            for (Runnable r = first; r != null; r = pending.poll()) {
                try {
                    r.run();
                } catch (Throwable x) {
                    // Keep going: the queued tasks are grants that must not be lost.
                    if (failure == null) {
                        failure = x;
                    } else {
                        failure.addSuppressed(x);
                    }
                }
            }
        } finally {
            draining = outer;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IllegalStateException("a completion failed", failure);
        }
    }
}
