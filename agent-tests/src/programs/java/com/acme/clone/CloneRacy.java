package com.acme.clone;

/**
 * A clone published without synchronization: a reader started before the copy existed picks it up from a
 * plain array slot and reads its field, which {@code Object.clone} wrote on the main thread. Nothing orders
 * that write before the read; a model that treated a clone as a fresh, unwritten object would miss it.
 */
public final class CloneRacy {

    static final class Config implements Cloneable {
        int value;

        Config copy() {
            try {
                return (Config) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static final Config[] BOX = new Config[1];

    public static void main(String[] args) throws Exception {
        Config template = new Config();
        template.value = 42;
        int[] seen = new int[1];
        Thread reader = new Thread(() -> {
            for (int tries = 0; tries < 200; tries++) {
                Config c = BOX[0];
                if (c != null) {
                    seen[0] = c.value;
                    return;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "reader");
        reader.start();
        Thread.sleep(50);
        BOX[0] = template.copy();
        reader.join();
        if (seen[0] != 42) {
            throw new AssertionError("the reader never saw the copy: " + seen[0]);
        }
    }
}
