package dev.guarded.examples;

import dev.guarded.sync.AsyncBarrier;
import java.io.PrintStream;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;

/**
 * The seed's barrier ({@code ex_4_4}): a barrier for three parties, two tasks already waiting at it, and the
 * main task arriving third, printing the barrier's state along the way exactly as asyncio does.
 *
 * <pre>
 * AsyncBarrier[filling, waiters:2/3]     two tasks wait; the barrier is still filling
 * AsyncBarrier[draining, waiters:0/3]    main arrived third: everyone is released, the others still leaving
 * barrier passed
 * AsyncBarrier[filling, waiters:0/3]     the others have left; the barrier is ready for the next round
 * </pre>
 *
 * <p>The two waiting tasks are {@link AsyncBarrier#awaitAsync()} futures, the counterpart of
 * {@code asyncio.create_task(b.wait())}: they register at the barrier the moment they are created, so the
 * first line never depends on scheduling. Joining them is the counterpart of {@code await asyncio.sleep(0)}:
 * it lets the released tasks finish leaving before the last line.
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
        AsyncBarrier barrier = new AsyncBarrier(PARTIES);
        CompletableFuture<Integer> first = barrier.awaitAsync();
        CompletableFuture<Integer> second = barrier.awaitAsync();

        out.println(barrier);
        barrier.await();
        out.println(barrier);
        out.println("barrier passed");
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
