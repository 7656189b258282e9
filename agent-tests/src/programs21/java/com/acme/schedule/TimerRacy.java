package com.acme.schedule;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/** A timer task scheduled in 30 ms reads the field that the scheduling thread writes right after scheduling. */
public final class TimerRacy {

    public static void main(String[] args) throws Exception {
        Timer timer = new Timer("timer", true);
        for (int i = 0; i < Slots.ITERATIONS; i++) {
            int slot = i;
            CountDownLatch done = new CountDownLatch(1);
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    Slots.get(slot);
                    done.countDown();
                }
            }, 30);
            Slots.set(slot, 6);
            done.await();
        }
        timer.cancel();
    }
}
