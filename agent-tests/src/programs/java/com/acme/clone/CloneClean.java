package com.acme.clone;

import java.util.concurrent.CountDownLatch;

/**
 * Two readers keep reading a template (its reads are genuinely concurrent) while the main thread clones it and
 * fills in the copy, then hands the copy to a new thread through {@code start()}. The copy has a history of
 * its own: {@code Object.clone} copies the template's fields, and nothing of who read the template.
 * ({@link CloneRacy} reaches {@code Object.clone} through {@code super.clone()}, this one through
 * {@code this.clone()}.)
 */
public final class CloneClean {

    static final class Config implements Cloneable {
        int value;

        Config copy() {
            try {
                return (Config) clone();          // invokevirtual on this, as H2's Page.copy() does
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        Config template = new Config();
        template.value = 42;
        CountDownLatch reading = new CountDownLatch(2);
        Runnable reader = () -> {
            long sum = 0;
            for (int i = 0; !stop; i++) {
                sum += template.value;
                if (i == 1000) {
                    reading.countDown();
                }
            }
            if (sum < 0) {
                throw new AssertionError();
            }
        };
        Thread a = new Thread(reader, "reader-a");
        Thread b = new Thread(reader, "reader-b");
        a.start();
        b.start();
        reading.await();
        Thread.sleep(50);                        // the readers read again, unordered with what follows
        Config copy = template.copy();
        copy.value = copy.value + 1;
        Thread user = new Thread(() -> {
            if (copy.value != 43) {
                throw new AssertionError("copy.value=" + copy.value);
            }
        }, "user");
        user.start();
        user.join();
        stop = true;
        a.join();
        b.join();
    }
}
