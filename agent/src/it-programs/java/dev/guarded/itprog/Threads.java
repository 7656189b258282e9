package dev.guarded.itprog;

import java.lang.reflect.Method;

/** Starts platform or virtual threads; virtual threads through reflection so that programs still run on 17. */
public final class Threads {

    private Threads() {
    }

    /** @return a started thread of the given kind ({@code platform} or {@code virtual}) */
    public static Thread start(String kind, Runnable task) {
        if (!kind.equals("virtual")) {
            Thread thread = new Thread(task);
            thread.start();
            return thread;
        }
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
            return (Thread) start.invoke(builder, task);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need Java 21+", e);
        }
    }
}
