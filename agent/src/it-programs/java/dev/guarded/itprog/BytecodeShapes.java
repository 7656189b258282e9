package dev.guarded.itprog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Exercises every bytecode shape the instrumenter rewrites (wide and narrow fields, volatile fields, arrays of
 * every element type, monitors, synchronized methods that throw, wait/notify, VarHandles, records, enums,
 * interfaces with static and default methods, lambdas, inner classes, static initializers) and prints the
 * results. Run with and without the agent: the output must be identical.
 */
public final class BytecodeShapes {

    static long staticWide = 7;
    static volatile double staticVolatileWide = 1.5;
    static final int[] TABLE = {1, 2, 3};
    private static final VarHandle COUNT;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle STATIC_FLAG;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(BytecodeShapes.class, "count", int.class);
            STATIC_FLAG = MethodHandles.lookup().findStaticVarHandle(BytecodeShapes.class, "flag", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static Object flag = "off";
    long wide = 3;
    double dbl = 2.25;
    volatile long volatileWide = 11;
    volatile int volatileNarrow = 5;
    int count;
    private final List<String> out = new ArrayList<>();

    interface Shape {
        int sides();

        default int doubled() {
            return sides() * 2;
        }

        static Shape of(int n) {
            return () -> n;
        }
    }

    record Point(int x, long y) {
        Point {
            if (x < 0) {
                throw new IllegalArgumentException("x");
            }
        }
    }

    enum Color { RED, GREEN }

    final class Inner {
        int read() {
            return count + (int) wide;
        }
    }

    public static void main(String[] args) throws Exception {
        BytecodeShapes s = new BytecodeShapes();
        s.fields();
        s.arrays();
        s.monitors();
        s.waitNotify();
        s.varHandles();
        s.types();
        s.out.forEach(System.out::println);
    }

    private void fields() {
        wide += 2;
        dbl *= 2;
        volatileWide = volatileWide + wide;
        volatileNarrow++;
        staticWide = staticWide * wide;
        staticVolatileWide += staticWide;
        out.add("fields " + wide + " " + dbl + " " + volatileWide + " " + volatileNarrow + " " + staticWide + " "
                + staticVolatileWide);
    }

    private void arrays() {
        boolean[] z = {true, false};
        byte[] b = {1, 2};
        char[] c = {'a', 'b'};
        short[] h = {3, 4};
        int[] i = {5, 6};
        long[] j = {7, 8};
        float[] f = {9f, 10f};
        double[] d = {11d, 12d};
        String[] o = {"x", "y"};
        long[][] m = new long[2][3];
        z[1] = !z[0];
        b[1] += b[0];
        c[1] = c[0];
        h[0] *= h[1];
        i[0] = i[1] + TABLE[2];
        j[1] = j[0] * j[1];
        f[0] /= f[1];
        d[1] = d[0] - d[1];
        o[0] = o[1] + o[0];
        m[1][2] = j[1];
        out.add("arrays " + z[1] + b[1] + c[1] + h[0] + i[0] + j[1] + f[0] + d[1] + o[0] + m[1][2]);
        try {
            i[5] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            out.add("aioobe " + e.getMessage());
        }
        int[] none = null;
        try {
            none[0]++;
        } catch (NullPointerException e) {
            out.add("npe");
        }
    }

    private void monitors() {
        synchronized (this) {
            count++;
        }
        out.add("sync " + syncAdd(2) + " " + staticSync(3));
        try {
            syncThrow();
        } catch (IllegalStateException e) {
            out.add("thrown " + e.getMessage() + " held=" + Thread.holdsLock(this));
        }
        try {
            synchronized (BytecodeShapes.class) {
                throw new UnsupportedOperationException("inside");
            }
        } catch (UnsupportedOperationException e) {
            out.add("block " + e.getMessage() + " held=" + Thread.holdsLock(BytecodeShapes.class));
        }
    }

    private synchronized long syncAdd(long n) {
        try {
            return wide + n;
        } finally {
            count++;
        }
    }

    private static synchronized int staticSync(int n) {
        return n * TABLE[1];
    }

    private synchronized void syncThrow() {
        if (count >= 0) {
            throw new IllegalStateException("boom");
        }
    }

    private void waitNotify() throws InterruptedException {
        Object lock = new Object();
        boolean[] ready = new boolean[1];
        Thread t = new Thread(() -> {
            synchronized (lock) {
                ready[0] = true;
                lock.notifyAll();
            }
        });
        synchronized (lock) {
            t.start();
            while (!ready[0]) {
                lock.wait(10_000L);
            }
        }
        t.join();
        out.add("waited " + ready[0]);
    }

    private void varHandles() {
        COUNT.set(this, 40);
        boolean swapped = COUNT.compareAndSet(this, 40, 41);
        int before = (int) COUNT.getAndAdd(this, 1);
        long[] longs = {1L, 2L};
        LONGS.setVolatile(longs, 1, 99L);
        long got = (long) LONGS.getAcquire(longs, 1);
        STATIC_FLAG.setRelease("on");
        Object f = STATIC_FLAG.getVolatile();
        out.add("varhandles " + swapped + " " + before + " " + (int) COUNT.get(this) + " " + got + " " + f);
    }

    private void types() {
        Shape square = Shape.of(4);
        IntSupplier lazy = () -> count + TABLE[0];
        Point p = new Point(1, 2L);
        out.add("types " + square.doubled() + " " + lazy.getAsInt() + " " + p + " " + Color.GREEN.ordinal() + " "
                + new Inner().read());
        try {
            new Point(-1, 0);
        } catch (IllegalArgumentException e) {
            out.add("record check " + e.getMessage());
        }
    }
}
