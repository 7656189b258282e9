package com.acme.schedule;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/** Tasks of two different timers both add to the iteration's static: each timer orders only its own tasks. */
public final class TwoTimersRacy {

    public static void main(String[] args) throws Exception {
        Timer first = new Timer("first", true);
        Timer second = new Timer("second", true);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CountDownLatch done = new CountDownLatch(2);
            first.schedule(task(slot, done), 5);
            second.schedule(task(slot, done), 10);
            done.await();
        }
        first.cancel();
        second.cancel();
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
