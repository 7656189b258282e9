package dev.guarded.benchmarks.jmh;

import org.openjdk.jmh.annotations.Threads;

/** {@link ContendedBenchmark} with 64 platform threads. */
@Threads(64)
public class ContendedThreads64 extends ContendedBenchmark {
}
