package dev.guarded.itprog;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed scenario: many threads each read {@code value}, sleep, and write {@code value + 1}.
 * Arguments: {@code platform|virtual} (thread kind), thread count, {@code racy|synchronized}.
 */
public final class SeedRace {

    private int value;

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[1]);
        boolean locked = args[2].equals("synchronized");
        SeedRace counter = new SeedRace();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Runnable task = locked ? counter::lockedIncrement : counter::racyIncrement;
            started.add(Threads.start(args[0], task));
        }
        for (Thread t : started) {
            t.join();
        }
        System.out.println("value=" + counter.value + " of " + threads);
    }

    private void racyIncrement() {
        int tmp = value;
        pause();
        value = tmp + 1;
    }

    private synchronized void lockedIncrement() {
        int tmp = value;
        pause();
        value = tmp + 1;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
