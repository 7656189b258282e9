package com.acme.atomic;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * A JCTools-style single-producer/single-consumer ring buffer written with {@code sun.misc.Unsafe}: elements
 * are plain array stores and loads; the producer publishes them with {@code putOrderedLong} of its index, the
 * consumer sees them after {@code getLongVolatile} of that index, and hands the slots back the same way.
 */
public final class UnsafeRingBufferClean {
    private static final Unsafe UNSAFE;
    private static final long PRODUCER_INDEX;
    private static final long CONSUMER_INDEX;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (Unsafe) f.get(null);
            PRODUCER_INDEX = UNSAFE.objectFieldOffset(UnsafeRingBufferClean.class.getDeclaredField("producerIndex"));
            CONSUMER_INDEX = UNSAFE.objectFieldOffset(UnsafeRingBufferClean.class.getDeclaredField("consumerIndex"));
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
        UNSAFE.putOrderedLong(this, PRODUCER_INDEX, p + 1);
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
        UnsafeRingBufferClean queue = new UnsafeRingBufferClean();
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
