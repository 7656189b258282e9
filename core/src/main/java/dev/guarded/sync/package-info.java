/**
 * asyncio's synchronization primitives for Java, thread-safe, each with an async face
 * ({@code CompletableFuture}, never blocks) and a blocking face (parks; virtual threads unmount)
 * that share one FIFO queue.
 *
 * <table class="striped">
 * <caption>Primitives and their counterparts</caption>
 * <thead><tr><th>Type</th><th>asyncio</th><th>java.util.concurrent</th></tr></thead>
 * <tbody>
 * <tr><td>{@link dev.guarded.sync.AsyncLock}</td><td>{@code Lock}</td><td>{@code ReentrantLock(true)}, but not reentrant and not owner-bound</td></tr>
 * <tr><td>{@link dev.guarded.sync.AsyncSemaphore}</td><td>{@code Semaphore}</td><td>{@code Semaphore(n, true)}</td></tr>
 * <tr><td>{@link dev.guarded.sync.AsyncBoundedSemaphore}</td><td>{@code BoundedSemaphore}</td><td>none</td></tr>
 * <tr><td>{@link dev.guarded.sync.AsyncBarrier}</td><td>{@code Barrier}</td><td>{@code CyclicBarrier} (reversed indices; leaving does not break it)</td></tr>
 * <tr><td>{@link dev.guarded.sync.AsyncEvent}</td><td>{@code Event}</td><td>{@code CountDownLatch(1)}, but resettable</td></tr>
 * <tr><td>{@link dev.guarded.sync.AsyncCondition}</td><td>{@code Condition}</td><td>{@code Lock.newCondition()}</td></tr>
 * </tbody>
 * </table>
 *
 * <p><b>Rules shared by all.</b> Cancelling a pending future, its timeout, or interrupting a
 * blocked thread withdraws the waiter; a grant (lock, permits, notification) already made to it is
 * never lost: {@code cancel} then returns {@code false}, and an interrupted thread passes the grant
 * on. Completing a returned future yourself ({@code complete}, {@code completeExceptionally},
 * {@code cancel}, {@code completeAsync}, {@code orTimeout}, {@code completeOnTimeout}) withdraws
 * the request like {@code cancel}; the future then does not stand for a grant.
 * {@code obtrudeValue}/{@code obtrudeException} are refused with
 * {@code UnsupportedOperationException} (each class documents this per method). Async
 * timeouts fail the future with {@code java.util.concurrent.TimeoutException}; negative
 * timeouts count as zero. Futures are completed after internal locks are released, by default in
 * the thread that made the grant (for timeouts, the JDK's delay thread), one after another rather
 * than nested, so arbitrarily long chains of callbacks use constant stack; callbacks should not
 * block. Each primitive also takes an {@code Executor} at construction to run those completions
 * there instead.
 */
package dev.guarded.sync;
