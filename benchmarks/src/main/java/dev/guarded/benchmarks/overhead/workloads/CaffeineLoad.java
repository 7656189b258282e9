package dev.guarded.benchmarks.overhead.workloads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.SplittableRandom;

/**
 * A real library under concurrent load: a bounded Caffeine cache (instrumented along with everything
 * else outside the JDK) hit by several client threads with a skewed key distribution, mostly reads
 * through a loader, some explicit writes.
 */
final class CaffeineLoad implements Workload {

    private static final int KEYS = 100_000;

    /** A cached value; its id is what the checksum adds up, so hits and misses give the same sum. */
    private static final class Value {
        final long id;

        Value(long id) {
            this.id = id;
        }
    }

    @Override
    public long run(int[] args) throws Exception {
        int threads = args[0];
        int ops = args[1];
        Cache<Integer, Value> cache = Caffeine.newBuilder().maximumSize(KEYS / 4).build();
        return Workers.runAll(threads, t -> () -> {
            SplittableRandom random = new SplittableRandom(42 + t);
            long sum = 0;
            for (int i = 0; i < ops; i++) {
                // Squaring a uniform draw skews toward small keys: a hot set plus a long tail.
                double u = random.nextDouble();
                int key = (int) (u * u * KEYS);
                if (i % 10 == 0) {
                    cache.put(key, new Value(key));
                    sum += key;
                } else {
                    sum += cache.get(key, Value::new).id;
                }
            }
            return sum;
        });
    }
}
