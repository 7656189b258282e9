package com.acme.schedule;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/** {@link TimerRacy} with the write before schedule() and the next write after the task counted down. */
public final class TimerClean {

    public static void main(String[] args) throws Exception {
        Timer timer = new Timer("timer", true);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CountDownLatch done = new CountDownLatch(1);
            Slots.set(slot, 6);
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    Slots.get(slot);
                    done.countDown();
                }
            }, 30);
            done.await();
            Slots.set(slot, 7);
        }
        timer.cancel();
    }
}
