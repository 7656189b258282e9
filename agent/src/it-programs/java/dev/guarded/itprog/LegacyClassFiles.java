package dev.guarded.itprog;

import org.apache.commons.lang.StringUtils;
import org.apache.commons.lang.mutable.MutableInt;

/**
 * Runs classes older than Java 5 under the agent. {@code commons-lang}: commons-lang 2.6 (class files of
 * version 47) does string work, then two threads increment one {@code MutableInt} without a lock (a race
 * inside the library's own field). {@code generated <class>}: two threads run a generated old class's
 * {@code Runnable} (its own unsynchronized counter). Prints what it computed.
 */
public final class LegacyClassFiles {

    private LegacyClassFiles() {
    }

    public static void main(String[] args) throws Exception {
        Runnable body;
        if (args[0].equals("commons-lang")) {
            System.out.println("joined=" + StringUtils.join(new String[] {"a", "b", "c"}, ','));
            System.out.println("capitalized=" + StringUtils.capitalize("guarded"));
            System.out.println("abbreviated=" + StringUtils.abbreviate("a pre-Java-5 class under the agent", 12));
            MutableInt shared = new MutableInt(0);
            body = () -> {
                for (int i = 0; i < 10_000; i++) {
                    shared.increment();
                }
            };
            runTwice(body);
            System.out.println("count>0=" + (shared.intValue() > 0));
        } else {
            Class<?> legacy = Class.forName(args[1]);
            body = (Runnable) legacy.getConstructor().newInstance();
            runTwice(body);
            System.out.println("value=" + legacy.getField("value").getInt(null));
        }
    }

    private static void runTwice(Runnable body) throws InterruptedException {
        Thread a = new Thread(body, "legacy-a");
        Thread b = new Thread(body, "legacy-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
