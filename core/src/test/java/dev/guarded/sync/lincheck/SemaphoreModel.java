package dev.guarded.sync.lincheck;

import java.util.ArrayDeque;

/**
 * Sequential specification of {@code AsyncSemaphore}, written independently of it: a permit count
 * and a FIFO of request sizes. A request is served only at the head of the queue (strict FIFO,
 * bpo-45997), and a release serves every head request the permits cover.
 */
public class SemaphoreModel {
    private int permits = 1;
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();

    public boolean tryAcquire(int n) {
        if (!queue.isEmpty() || permits < n) {
            return false;
        }
        permits -= n;
        return true;
    }

    public void release(int n) {
        permits += n;
        while (!queue.isEmpty() && queue.peek() <= permits) {
            permits -= queue.poll();
        }
    }

    public int availablePermits() {
        return permits;
    }

    public void acquireAsync(int n) {
        if (!tryAcquire(n)) {
            queue.add(n);
        }
    }

    public int queueLength() {
        return queue.size();
    }
}
