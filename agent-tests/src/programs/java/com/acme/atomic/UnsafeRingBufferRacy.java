package com.acme.atomic;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * {@link UnsafeRingBufferClean} with the producer's index stored by a plain {@code Unsafe.putLong} instead of
 * {@code putOrderedLong}: nothing publishes the element stores, which race with the consumer's loads.
 */
public final class UnsafeRingBufferRacy {
    private static final Unsafe UNSAFE;
    private static final long PRODUCER_INDEX;
    private static final long CONSUMER_INDEX;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (Unsafe) f.get(null);
            PRODUCER_INDEX = UNSAFE.objectFieldOffset(UnsafeRingBufferRacy.class.getDeclaredField("producerIndex"));
            CONSUMER_INDEX = UNSAFE.objectFieldOffset(UnsafeRingBufferRacy.class.getDeclaredField("consumerIndex"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int CAPACITY = 8;
    private static final int ITEMS = 10_000;

    private final long[] buffer = new long[CAPACITY];
    private long producerIndex;
    private long consumerIndex;

    boolean offer(long value) {
        long p = producerIndex; // only the producer writes it
        if (p - UNSAFE.getLongVolatile(this, CONSUMER_INDEX) >= CAPACITY) {
            return false;
        }
        buffer[(int) (p & (CAPACITY - 1))] = value;
        UNSAFE.putLong(this, PRODUCER_INDEX, p + 1);
        return true;
    }

    long poll() {
        long c = consumerIndex; // only the consumer writes it
        if (c >= UNSAFE.getLongVolatile(this, PRODUCER_INDEX)) {
            return -1;
        }
        long value = buffer[(int) (c & (CAPACITY - 1))];
        UNSAFE.putOrderedLong(this, CONSUMER_INDEX, c + 1);
        return value;
    }

    public static void main(String[] args) throws Exception {
        UnsafeRingBufferRacy queue = new UnsafeRingBufferRacy();
        Thread producer = new Thread(() -> {
            for (long i = 1; i <= ITEMS; i++) {
                while (!queue.offer(i)) {
                    Thread.onSpinWait();
                }
            }
        }, "producer");
        producer.start();
        long sum = 0;
        for (int received = 0; received < ITEMS; ) {
            long v = queue.poll();
            if (v < 0) {
                Thread.onSpinWait();
                continue;
            }
            sum += v;
            received++;
        }
        producer.join();
        if (sum != (long) ITEMS * (ITEMS + 1) / 2) {
            throw new AssertionError("sum=" + sum);
        }
    }
}
