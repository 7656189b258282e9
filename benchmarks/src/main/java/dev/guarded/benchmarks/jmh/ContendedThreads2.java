package dev.guarded.benchmarks.jmh;

import org.openjdk.jmh.annotations.Threads;

/** {@link ContendedBenchmark} with 2 platform threads. */
@Threads(2)
public class ContendedThreads2 extends ContendedBenchmark {
}
