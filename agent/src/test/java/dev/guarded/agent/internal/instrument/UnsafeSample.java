package dev.guarded.agent.internal.instrument;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/** Unsafe and VarHandle call sites, instrumented by {@link UnsafeVisitorTest}. */
public class UnsafeSample {

    static final Unsafe UNSAFE;
    static final long INDEX;
    static final long ARRAY_BASE;
    static final VarHandle COUNT;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (Unsafe) f.get(null);
            INDEX = UNSAFE.objectFieldOffset(UnsafeSample.class.getDeclaredField("index"));
            ARRAY_BASE = UNSAFE.arrayBaseOffset(Object[].class);
            COUNT = MethodHandles.lookup().findVarHandle(UnsafeSample.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public volatile long index;
    public int count;
    public final Object[] slots = new Object[4];

    public long ordered() {
        UNSAFE.putOrderedLong(this, INDEX, 7L);
        return UNSAFE.getLongVolatile(this, INDEX);
    }

    public boolean cas() {
        return UNSAFE.compareAndSwapLong(this, INDEX, 7L, 8L);
    }

    public long plain() {
        UNSAFE.putLong(this, INDEX, 9L);
        return UNSAFE.getLong(this, INDEX);
    }

    public Object element() {
        UNSAFE.putObjectVolatile(slots, ARRAY_BASE, "x");
        return UNSAFE.getObjectVolatile(slots, ARRAY_BASE);
    }

    public int handleRmw() {
        return (int) COUNT.getAndAdd(this, 1);
    }
}
