package dev.guarded.benchmarks.overhead.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * The library workloads' checksums are what the harness compares between plain and detector runs, so they
 * must depend on the sizes only, never on how the threads interleaved, and must still see the work done.
 */
class LibraryWorkloadsTest {

    @Test
    void jacksonChecksumIsTheSameOnEveryRunAndChangesWithTheWork() throws Exception {
        long first = new JacksonMapper().run(new int[] {4, 40});
        assertEquals(first, new JacksonMapper().run(new int[] {4, 40}));
        assertNotEquals(first, new JacksonMapper().run(new int[] {4, 41}));
    }

    @Test
    void guavaChecksumIsTheSameOnEveryRunAndChangesWithTheWork() throws Exception {
        long first = new GuavaLoadingCache().run(new int[] {4, 3000});
        assertEquals(first, new GuavaLoadingCache().run(new int[] {4, 3000}));
        assertNotEquals(first, new GuavaLoadingCache().run(new int[] {4, 3001}));
    }

    @Test
    void h2ChecksumIsComputedFromEveryInsertedRow() throws Exception {
        int threads = 3;
        int rows = 70;
        long amounts = 0;
        long labelLengths = 0;
        long threadNumbers = 0;
        for (int t = 0; t < threads; t++) {
            for (int row = 0; row < rows; row++) {
                long id = (long) t * rows + row;
                amounts += (id * 31 + 7) % 10_007;
                labelLengths += ("item-" + t + "-" + row).length();
                threadNumbers += t;
            }
        }
        long expected = (long) threads * rows * 1_000_003L + amounts * 31 + labelLengths * 7 + threadNumbers;
        // 70 rows in batches of 16: the last batch of each thread is a partial one.
        assertEquals(expected, new H2HikariInserts().run(new int[] {threads, rows, 16}));
        assertEquals(expected, new H2HikariInserts().run(new int[] {threads, rows, 100}));
    }
}
