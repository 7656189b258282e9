package com.acme.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The per-thread cache idiom gone wrong: {@code ThreadLocal.withInitial(() -> SHARED)} gives every thread the
 * same object, so the "per-thread" buffer is shared. Two tasks on two different single-thread executors (two
 * workers for sure) each increment its count. A model that ordered every use of one {@code ThreadLocal}, rather
 * than the uses on one physical thread, would miss this race.
 */
public final class ThreadLocalCacheRacy {

    /** The object every thread's ThreadLocal starts with. */
    static final class Buffer {
        int count;
    }

    private static final Buffer SHARED = new Buffer();
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(() -> SHARED);

    public static void main(String[] args) throws Exception {
        ExecutorService first = Executors.newSingleThreadExecutor();
        ExecutorService second = Executors.newSingleThreadExecutor();
        Future<?> a = first.submit(ThreadLocalCacheRacy::use);
        Future<?> b = second.submit(ThreadLocalCacheRacy::use);
        a.get();
        b.get();
        first.shutdown();
        second.shutdown();
        System.out.println("count " + SHARED.count);
    }

    private static void use() {
        BUFFER.get().count++;
    }
}
