package dev.guarded.benchmarks.jmh;

import org.openjdk.jmh.annotations.Threads;

/** {@link ContendedBenchmark} with 8 platform threads. */
@Threads(8)
public class ContendedThreads8 extends ContendedBenchmark {
}
