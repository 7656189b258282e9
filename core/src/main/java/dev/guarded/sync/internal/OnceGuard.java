package dev.guarded.sync.internal;

import dev.guarded.sync.Guard;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A {@link Guard} that runs its release action at most once, whoever closes it. */
public final class OnceGuard implements Guard {
    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(OnceGuard.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable release;
    @SuppressWarnings("unused") // accessed through CLOSED
    private volatile boolean closed;

    /** @param release what {@link #close()} does the first time */
    public OnceGuard(Runnable release) {
        this.release = release;
    }

    @Override
    public void close() {
        if (CLOSED.compareAndSet(this, false, true)) {
            release.run();
        }
    }
}
