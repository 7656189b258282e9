package com.acme.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Each pool worker keeps a scratch buffer in a {@code ThreadLocal} (the per-thread cache idiom of a
 * {@code SimpleDateFormat} or a serializer's buffer); many tasks use it, one after another on the same worker.
 * The buffer never leaves its thread, so the tasks sharing a worker do not race on it, although nothing else
 * orders them. Run on a 1-thread pool (every task shares the one worker's buffer) and a 2-thread pool.
 */
public final class ThreadLocalCacheClean {

    /** The per-thread scratch state: plain fields, touched only by the thread that owns it. */
    static final class Buffer {
        final StringBuilder text = new StringBuilder();
        int uses;
    }

    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    public static void main(String[] args) throws Exception {
        for (int threads = 1; threads <= 2; threads++) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(pool.submit(() -> render(n)));
            }
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).get().equals("item-" + i)) {
                    throw new AssertionError("task " + i + " rendered " + results.get(i).get());
                }
            }
            pool.shutdown();
        }
    }

    private static String render(int n) {
        Buffer buffer = BUFFER.get();
        buffer.uses++;
        buffer.text.setLength(0);
        buffer.text.append("item-").append(n);
        return buffer.text.toString();
    }
}
