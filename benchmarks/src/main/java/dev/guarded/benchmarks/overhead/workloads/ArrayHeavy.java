package dev.guarded.benchmarks.overhead.workloads;

/**
 * Array-heavy compute: dense matrix multiply C = A·B, rows of C split between two threads (disjoint
 * writes, shared reads of A and B published before the threads start).
 */
final class ArrayHeavy implements Workload {

    @Override
    public long run(int[] args) throws Exception {
        int n = args[0];
        int repeats = args[1];
        double[][] a = matrix(n, 1);
        double[][] b = matrix(n, 2);
        double[][] c = new double[n][n];
        long checksum = 0;
        for (int r = 0; r < repeats; r++) {
            int half = n / 2;
            Workers.runAll(2, t -> () -> {
                multiplyRows(a, b, c, t == 0 ? 0 : half, t == 0 ? half : n);
                return 0L;
            });
            checksum = checksum * 31 + digest(c);
        }
        return checksum;
    }

    private static double[][] matrix(int n, int seed) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = ((i * 31 + j * 17 + seed) % 10) - 4;
            }
        }
        return m;
    }

    private static void multiplyRows(double[][] a, double[][] b, double[][] c, int from, int to) {
        int n = b.length;
        for (int i = from; i < to; i++) {
            double[] row = c[i];
            java.util.Arrays.fill(row, 0);
            double[] ai = a[i];
            for (int k = 0; k < n; k++) {
                double aik = ai[k];
                double[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    row[j] += aik * bk[j];
                }
            }
        }
    }

    private static long digest(double[][] c) {
        long sum = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                sum = sum * 7 + (long) c[i][j];
            }
        }
        return sum;
    }
}
