package dev.guarded.benchmarks.overhead.workloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child-JVM entry point of the overhead harness: {@code WorkloadMain <name> <size>...}. Prints
 * {@code guarded.checksum=}, {@code guarded.elapsed.ms=} (in-process, excluding JVM start-up) and
 * {@code guarded.vmhwm.kb=} (peak resident set from /proc/self/status, -1 where unavailable).
 */
public final class WorkloadMain {

    /** Name → (workload, argument names). */
    private static final Map<String, Entry> WORKLOADS = Map.ofEntries(
            Map.entry("field", new Entry(new FieldHeavy(), "objectsPerThread", "steps")),
            Map.entry("array", new Entry(new ArrayHeavy(), "matrixSize", "repeats")),
            Map.entry("lock", new Entry(new LockHeavy(), "threads", "opsPerThread")),
            Map.entry("vthreads", new Entry(new VirtualThreadLock(), "virtualThreads", "opsPerThread")),
            Map.entry("pipeline", new Entry(new ProducerConsumer(), "messagesPerProducer", "futures")),
            Map.entry("caffeine", new Entry(new CaffeineLoad(), "threads", "opsPerThread")),
            Map.entry("jackson", new Entry(new JacksonMapper(), "threads", "ordersPerThread")),
            Map.entry("guava", new Entry(new GuavaLoadingCache(), "threads", "opsPerThread")),
            Map.entry("h2", new Entry(new H2HikariInserts(), "threads", "rowsPerThread", "batchSize")),
            Map.entry("million-vthreads", new Entry(new ParkedVirtualThreads(), "virtualThreads")),
            Map.entry("short-lived", new Entry(new ShortLivedThreads(), "totalThreads", "batch")),
            Map.entry("hot-channels", new Entry(new HotChannels(), "virtualThreads", "channels")),
            Map.entry("shared-config", new Entry(new SharedConfig(), "threads", "readsPerThread")));

    private record Entry(Workload workload, String... argNames) {
    }

    private WorkloadMain() {
    }

    /**
     * @param args workload name, then its sizes
     * @throws Exception if the workload failed
     */
    public static void main(String[] args) throws Exception {
        Entry entry = args.length == 0 ? null : WORKLOADS.get(args[0]);
        if (entry == null) {
            throw new IllegalArgumentException("first argument must be a workload name, one of "
                    + WORKLOADS.keySet() + (args.length == 0 ? "" : "; got '" + args[0] + "'"));
        }
        if (args.length - 1 != entry.argNames().length) {
            throw new IllegalArgumentException("workload " + args[0] + " takes "
                    + String.join(" ", entry.argNames()) + "; got " + (args.length - 1) + " arguments");
        }
        int[] sizes = new int[entry.argNames().length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = positive(entry.argNames()[i], args[i + 1]);
        }
        long start = System.nanoTime();
        long checksum = entry.workload().run(sizes);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("guarded.checksum=" + checksum);
        System.out.println("guarded.elapsed.ms=" + elapsedMs);
        System.out.println("guarded.vmhwm.kb=" + peakRssKb());
        System.out.flush();
    }

    private static int positive(String name, String text) {
        try {
            int value = Integer.parseInt(text.replace("_", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive integer, got '" + text + "'");
    }

    /** @return VmHWM in KiB, or -1 when /proc is not there (not Linux) */
    static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).replace("kB", "").trim());
            }
        }
        return -1;
    }
}
