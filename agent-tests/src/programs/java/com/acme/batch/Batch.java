package com.acme.batch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs the {@code main} of each program named on the command line, one after the other, in one JVM: the
 * harness uses it to run a whole group of programs under one agent start-up. A program that throws is
 * reported on stderr ({@code FAILED <class>: <throwable>}) and the batch goes on; the exit status is 1 when
 * any failed. Ends with {@code System.exit}, so that threads a program left running (an executor not shut
 * down) do not keep the JVM alive.
 */
public final class Batch {

    private Batch() {
    }

    public static void main(String[] args) {
        int failed = 0;
        for (String name : args) {
            try {
                Method main = Class.forName(name).getMethod("main", String[].class);
                main.invoke(null, (Object) new String[0]);
                System.out.println("ran " + name);
            } catch (InvocationTargetException e) {
                failed++;
                System.err.println("FAILED " + name + ": " + e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                failed++;
                System.err.println("FAILED " + name + ": " + e);
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
