package com.acme.jdk;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link SimpleDateFormatRacy} with one {@code SimpleDateFormat} per thread, from a {@code ThreadLocal}. */
public final class SimpleDateFormatClean {

    private static final ThreadLocal<SimpleDateFormat> FORMAT = ThreadLocal.withInitial(() -> {
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f;
    });

    public static void main(String[] args) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> formatMany(together, 0L));
            Future<Integer> b = pool.submit(() -> formatMany(together, 400L * 86_400_000L));
            if (a.get() + b.get() != 0) {
                throw new AssertionError("wrong dates");
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int formatMany(CyclicBarrier together, long millis) throws Exception {
        together.await();
        String expected = millis == 0 ? "1970-01-01" : "1971-02-05";
        int wrong = 0;
        for (int i = 0; i < 500; i++) {
            if (!FORMAT.get().format(new Date(millis)).equals(expected)) {
                wrong++;
            }
        }
        return wrong;
    }
}
