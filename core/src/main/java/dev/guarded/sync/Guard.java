package dev.guarded.sync;

/**
 * A held lock or permit, released by {@link #close()}, for try-with-resources in blocking code:
 * <pre>{@code
 * try (Guard g = lock.guard()) {
 *     // exclusive section
 * }
 * }</pre>
 */
public interface Guard extends AutoCloseable {

    /**
     * Releases what the guard holds. Idempotent: only the first call releases, later calls (from
     * any thread) do nothing. The release has the memory effects of the primitive's own release
     * ({@link AsyncLock#unlock()}, {@link AsyncSemaphore#release()}).
     */
    @Override
    void close();
}
