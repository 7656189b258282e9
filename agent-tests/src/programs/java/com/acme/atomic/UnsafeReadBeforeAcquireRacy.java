package com.acme.atomic;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * {@link UnsafeRingBufferClean} with the consumer loading the element before the acquire load
 * ({@code getLongVolatile}) of the producer's index: Unsafe is used, but the load it should order comes too
 * early, so it races with the producer's store of that slot.
 */
public final class UnsafeReadBeforeAcquireRacy {
    private static final Unsafe UNSAFE;
    private static final long PRODUCER_INDEX;
    private static final long CONSUMER_INDEX;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (Unsafe) f.get(null);
            PRODUCER_INDEX = UNSAFE.objectFieldOffset(UnsafeReadBeforeAcquireRacy.class.getDeclaredField("producerIndex"));
            CONSUMER_INDEX = UNSAFE.objectFieldOffset(UnsafeReadBeforeAcquireRacy.class.getDeclaredField("consumerIndex"));
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
        long value = buffer[(int) (c & (CAPACITY - 1))]; // too early: before the acquire below
        if (c >= UNSAFE.getLongVolatile(this, PRODUCER_INDEX)) {
            return -1;
        }
        UNSAFE.putOrderedLong(this, CONSUMER_INDEX, c + 1);
        return value;
    }

    public static void main(String[] args) throws Exception {
        UnsafeReadBeforeAcquireRacy queue = new UnsafeReadBeforeAcquireRacy();
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
        // The early load can see a slot's previous lap: the sum is often wrong, which is the race's effect.
        System.out.println("sum " + (sum == (long) ITEMS * (ITEMS + 1) / 2 ? "right" : "wrong"));
    }
}
