package com.acme.jdk;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two pool tasks share one {@code SimpleDateFormat}: {@code format} uses the format's own {@code Calendar} as
 * scratch space, so concurrent calls can print each other's dates ({@code format} vs {@code format}).
 */
public final class SimpleDateFormatRacy {

    private static final SimpleDateFormat FORMAT = new SimpleDateFormat("yyyy-MM-dd");

    static {
        FORMAT.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    public static void main(String[] args) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> formatMany(together, 0L));
            Future<Integer> b = pool.submit(() -> formatMany(together, 400L * 86_400_000L));
            System.out.println("wrong dates: " + (a.get() + b.get()));
        } finally {
            pool.shutdown();
        }
    }

    private static int formatMany(CyclicBarrier together, long millis) throws Exception {
        together.await();
        String expected = millis == 0 ? "1970-01-01" : "1971-02-05";
        int wrong = 0;
        for (int i = 0; i < 500; i++) {
            try {
                if (!FORMAT.format(new Date(millis)).equals(expected)) {
                    wrong++;
                }
            } catch (RuntimeException corrupted) {
                wrong++;
            }
        }
        return wrong;
    }
}
