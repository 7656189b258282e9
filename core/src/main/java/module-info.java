/**
 * Guarded core: asyncio-style synchronization primitives ({@link dev.guarded.sync}) usable from
 * {@code CompletableFuture} code and from (virtual) threads, plus the {@link dev.guarded.annotation}
 * annotations read by the race detector.
 */
module dev.guarded.core {
    exports dev.guarded.sync;
    exports dev.guarded.annotation;
}
