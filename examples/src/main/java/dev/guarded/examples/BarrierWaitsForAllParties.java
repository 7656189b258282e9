package dev.guarded.examples;

import dev.guarded.sync.AsyncBarrier;
import java.io.PrintStream;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The seed's barrier ({@code ex_4_4}): a barrier for three parties, two tasks already waiting at it, and the
 * main task arriving third, printing the barrier's state along the way exactly as asyncio does.
 *
 * <pre>
 * AsyncBarrier[filling, waiters:2/3]     two tasks wait; the barrier is still filling
 * AsyncBarrier[draining, waiters:0/3]    main arrived third: the barrier trips and releases everyone
 * barrier passed
 * AsyncBarrier[filling, waiters:0/3]     everyone has left; the barrier is ready for the next round
 * </pre>
 *
 * <p>The two waiting tasks are {@link AsyncBarrier#awaitAsync()} futures, the counterpart of
 * {@code asyncio.create_task(b.wait())}: they register at the barrier the moment they are created, so the
 * first line never depends on scheduling.
 *
 * <p>One difference from asyncio decides where the second line is printed. In asyncio, main's
 * {@code await b.wait()} returns while the other two tasks have not yet resumed, so the barrier is still
 * draining when main prints it. In Java the trip releases every party at once, so the barrier drains while
 * it releases them, and the moment it is guaranteed to be draining is its barrier action, which runs after
 * the last arrival and before any party returns. The example prints the state from there.
 */
public final class BarrierWaitsForAllParties {

    /** The number of parties the barrier waits for. */
    public static final int PARTIES = 3;

    private BarrierWaitsForAllParties() {
    }

    /**
     * Runs the seed's program, printing to {@code out}.
     *
     * @param out where the states and "barrier passed" are printed
     * @throws InterruptedException   if the calling thread is interrupted at the barrier
     * @throws BrokenBarrierException if the barrier breaks while main waits (nothing here breaks it)
     */
    public static void run(PrintStream out) throws InterruptedException, BrokenBarrierException {
        // The action needs the barrier it belongs to; the reference is set before anyone can trip it.
        AtomicReference<AsyncBarrier> self = new AtomicReference<>();
        AsyncBarrier barrier = new AsyncBarrier(PARTIES, () -> out.println(self.get()));
        self.set(barrier);

        CompletableFuture<Integer> first = barrier.awaitAsync();
        CompletableFuture<Integer> second = barrier.awaitAsync();
        out.println(barrier);
        barrier.await();
        out.println("barrier passed");
        // Like asyncio.sleep(0): let the two released tasks finish before looking again.
        CompletableFuture.allOf(first, second).join();
        out.println(barrier);
    }

    /**
     * Runs the seed's program on standard output.
     *
     * @param args ignored
     * @throws InterruptedException   if interrupted at the barrier
     * @throws BrokenBarrierException if the barrier breaks
     */
    public static void main(String[] args) throws InterruptedException, BrokenBarrierException {
        run(System.out);
    }
}
