package com.acme.schedule;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * {@link TwoTimersRacy} with both tasks on one timer: "a single background thread that is used to execute all
 * of the timer's tasks, sequentially".
 */
public final class TwoTimersClean {

    public static void main(String[] args) throws Exception {
        Timer timer = new Timer("timer", true);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CountDownLatch done = new CountDownLatch(2);
            timer.schedule(task(slot, done), 5);
            timer.schedule(task(slot, done), 10);
            done.await();
            if (Slots.get(slot) != 2) {
                throw new IllegalStateException("lost an update");
            }
        }
        timer.cancel();
    }

    static TimerTask task(int slot, CountDownLatch done) {
        return new TimerTask() {
            @Override
            public void run() {
                Slots.increment(slot);
                done.countDown();
            }
        };
    }
}
