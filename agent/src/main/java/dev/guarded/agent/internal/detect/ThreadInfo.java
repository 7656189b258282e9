package dev.guarded.agent.internal.detect;

import dev.guarded.report.Frame;
import java.util.List;

/**
 * What reports say about a thread: its name and where it was started. Kept by shadow records of the
 * thread's last accesses, so it must stay small and must not reference the {@link Thread} (which may die).
 */
final class ThreadInfo {

    private volatile String name;
    final List<Frame> started;

    ThreadInfo(String name, List<Frame> started) {
        this.name = name;
        this.started = started;
    }

    /** The display name: the thread's name, or {@code virtual-#<id>}/{@code thread-#<id>} when it has none. */
    @SuppressWarnings("deprecation")
    static String nameOf(Thread t) {
        String n = t.getName();
        if (n != null && !n.isEmpty()) {
            return n;
        }
        boolean virtual = t.getClass().getName().equals("java.lang.VirtualThread");
        return (virtual ? "virtual-#" : "thread-#") + t.getId();
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        name = newName;
    }
}
