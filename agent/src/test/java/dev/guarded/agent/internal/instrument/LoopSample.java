package dev.guarded.agent.internal.instrument;

/** Loops for {@link LoopRangesTest}: which of them move their array checks to the loop's exit. */
public class LoopSample {

    private int[] field = new int[4];

    /** Moves both: a read of {@code src[i]} and a write of {@code dst[i]} on every iteration. */
    public int copy(int[] src, int[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = src[i];
        }
        return n;
    }

    /** Moves the write (which covers the read before it), counting down. */
    public int countDown(long[] a) {
        for (int i = a.length - 1; i >= 0; i--) {
            a[i] += 2;
        }
        return a.length;
    }

    /** A matrix product's inner loop: moves the row's write and the other row's read; the outer loops keep theirs. */
    public double multiply(double[][] a, double[][] b, double[][] c) {
        int n = b.length;
        for (int i = 0; i < a.length; i++) {
            double[] row = c[i];
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    row[j] += aik * bk[j];
                }
            }
        }
        return c[0][0];
    }

    /** Keeps its check: the write runs on some iterations only (a range would name elements never written). */
    public int conditional(int[] a, int parity) {
        for (int i = 0; i < a.length; i++) {
            if (i % 2 == parity) {
                a[i] = 1;
            }
        }
        return a.length;
    }

    /** Keeps its check: a call in the loop may synchronize, so iterations may run in different epochs. */
    public int callInside(int[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = helper(i);
        }
        return a.length;
    }

    /** Keeps its checks: the index steps by two. */
    public int stride(int[] a) {
        for (int i = 0; i < a.length; i += 2) {
            a[i] = 3;
        }
        return a.length;
    }

    /** Keeps its check: the loop stores its induction variable. */
    public int storesInduction(int[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = 4;
            i = i + 0;
        }
        return a.length;
    }

    /** Keeps its checks: a second exit. */
    public int breaks(int[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                break;
            }
            a[i] = 5;
        }
        return a.length;
    }

    /** Moves the write of {@code a[i]}; the read of another index ({@code a[i + 1]}) keeps its check. */
    public int otherIndex(int[] a) {
        for (int i = 0; i < a.length - 1; i++) {
            a[i] = a[i + 1];
        }
        return a.length;
    }

    /** Moves the write to an array in a field of this class, loaded into a local before the loop. */
    public int fieldArray(int n) {
        int[] f = field;
        for (int i = 0; i < n; i++) {
            f[i] = i;
        }
        return n;
    }

    /** Keeps its check: the array is loaded from a field in the loop, not from a local the loop never stores. */
    public int fieldInLoop(int n) {
        for (int i = 0; i < n; i++) {
            field[i] = i;
        }
        return n;
    }

    /** Moves the write: a loop at the very start of the method, on a parameter counting down. */
    public int fromTheStart(int[] a, int n) {
        while (n >= 0) {
            a[n] = 7;
            n--;
        }
        return n;
    }

    private static int helper(int i) {
        return i;
    }
}
