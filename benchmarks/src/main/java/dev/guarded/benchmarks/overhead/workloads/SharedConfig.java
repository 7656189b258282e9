package dev.guarded.benchmarks.overhead.workloads;

/**
 * Read-shared fields in a hot loop: several threads read the plain fields of one configuration object,
 * written once before the threads start and never after. Correct (the start orders the writes before every
 * read), so a detector reports nothing; each field is read by several threads at once, which a FastTrack
 * detector keeps in a read set, and the question is whether a thread's repeated reads in one epoch are
 * answered without a call. Not a row of the table: a measurement of that one case
 * ({@code WorkloadMain shared-config <threads> <readsPerThread>}).
 */
final class SharedConfig implements Workload {

    /** The shared, effectively immutable settings: plain fields, as most configuration objects have. */
    static final class Settings {
        int batch = 64;
        int retries = 3;
        long timeoutNanos = 1_500_000L;
        double backoff = 1.5;
    }

    @Override
    public long run(int[] args) throws Exception {
        int threads = args[0];
        int reads = args[1];
        Settings settings = new Settings();
        return Workers.runAll(threads, t -> () -> readAll(settings, reads, t));
    }

    private static long readAll(Settings settings, int reads, int thread) {
        long sum = thread;
        for (int i = 0; i < reads; i++) {
            sum += settings.batch + settings.retries + (settings.timeoutNanos >>> 20) + (long) settings.backoff
                    + (i & 1);
        }
        return sum;
    }
}
