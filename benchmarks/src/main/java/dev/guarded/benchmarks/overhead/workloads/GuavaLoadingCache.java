package dev.guarded.benchmarks.overhead.workloads;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A real library under concurrent load: a bounded Guava {@link LoadingCache} (segmented, lock per segment,
 * instrumented with the rest) hit by several client threads with a skewed key distribution. No time-based
 * expiry, so whatever is evicted is loaded again with the same value: the sum of the values the clients
 * receive depends only on the keys they ask for.
 */
final class GuavaLoadingCache implements Workload {

    private static final int KEYS = 100_000;

    /** A cached value computed from its key only. */
    private static final class Value {
        final long payload;

        Value(int key) {
            this.payload = (key * 0x9E3779B97F4A7C15L) >>> 40;
        }
    }

    @Override
    public long run(int[] args) throws Exception {
        int threads = args[0];
        int ops = args[1];
        LoadingCache<Integer, Value> cache = CacheBuilder.newBuilder()
                .maximumSize(KEYS / 4)
                .build(CacheLoader.from(Value::new));
        return Workers.runAll(threads, t -> () -> {
            SplittableRandom random = new SplittableRandom(42 + t);
            long sum = 0;
            for (int i = 0; i < ops; i++) {
                // Squaring a uniform draw skews toward small keys: a hot set plus a long tail.
                double u = random.nextDouble();
                int key = (int) (u * u * KEYS);
                if (i % 50 == 0) {
                    // Bulk loads go through a different path (getAll) than single gets.
                    for (Value value : cache.getAll(List.of(key, (key + 1) % KEYS, (key + 7) % KEYS)).values()) {
                        sum += value.payload;
                    }
                } else if (i % 97 == 0) {
                    cache.invalidate(key);
                } else {
                    sum += cache.getUnchecked(key).payload;
                }
            }
            return sum;
        });
    }
}
