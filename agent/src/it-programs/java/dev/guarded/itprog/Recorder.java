package dev.guarded.itprog;

import java.util.ArrayList;
import java.util.List;

import dev.guarded.agent.hook.HookListener;

/** Records synchronization events (op, key identity); plain accesses are ignored. Used by {@link ModelProbe}. */
final class Recorder implements HookListener {

    private record Event(String op, Object key) { }

    private final List<Event> events = new ArrayList<>();
    private final ThreadLocal<Boolean> busy = new ThreadLocal<>();

    private void add(String op, Object key) {
        if (busy.get() != null) {
            return;
        }
        busy.set(Boolean.TRUE);
        try {
            synchronized (events) {
                events.add(new Event(op, key));
            }
        } finally {
            busy.remove();
        }
    }

    void clear() {
        synchronized (events) {
            events.clear();
        }
    }

    boolean saw(String op, Object key) {
        // Iterate a snapshot: class loading inside the loop publishes through JDK maps, which records events.
        Event[] snapshot;
        synchronized (events) {
            snapshot = events.toArray(new Event[0]);
        }
        for (Event e : snapshot) {
            if (e.op().equals(op) && (key == null || e.key() == key)) {
                return true;
            }
        }
        return false;
    }

    @Override public void read(Object owner, int fieldId, int siteId) { }
    @Override public void write(Object owner, int fieldId, int siteId) { }
    @Override public void arrayRead(Object array, int index, int siteId) { }
    @Override public void arrayWrite(Object array, int index, int siteId) { }
    @Override public void volatileRead(Object owner, int fieldId) { }
    @Override public void volatileWrite(Object owner, int fieldId) { }
    @Override public void lockAcquired(Object lock, int siteId) { add("lockAcquired", lock); }
    @Override public void lockHeld(Object lock, int siteId) { add("lockHeld", lock); }
    @Override public void lockDropped(Object lock, int siteId) { add("lockDropped", lock); }
    @Override public void lockReleasing(Object lock, int siteId) { add("lockReleasing", lock); }
    @Override public void acquire(Object key, int channel) { add("acquire", key); }
    @Override public void release(Object key, int channel) { add("release", key); }
    @Override public void threadStarting(Thread thread) { add("threadStarting", thread); }
    @Override public void threadTerminated(Thread thread) { add("threadTerminated", thread); }
    @Override public void threadExiting() { add("threadExiting", Thread.currentThread()); }
    @Override public void classInitialized(Class<?> type) { }
    @Override public void classUsed(Class<?> type) { }
}
