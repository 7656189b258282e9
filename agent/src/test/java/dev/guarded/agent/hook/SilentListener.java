package dev.guarded.agent.hook;

/** A listener that ignores every event, for tests that record only the few they look at. */
public abstract class SilentListener implements HookListener {
    @Override public void read(Object owner, int fieldId, int siteId) { }
    @Override public void write(Object owner, int fieldId, int siteId) { }
    @Override public void arrayRead(Object array, int index, int siteId) { }
    @Override public void arrayWrite(Object array, int index, int siteId) { }
    @Override public void volatileRead(Object owner, int fieldId) { }
    @Override public void volatileWrite(Object owner, int fieldId) { }
    @Override public void lockAcquired(Object lock, int siteId) { }
    @Override public void lockReleasing(Object lock, int siteId) { }
    @Override public void acquire(Object key, int channel) { }
    @Override public void release(Object key, int channel) { }
    @Override public void threadStarting(Thread thread) { }
    @Override public void threadTerminated(Thread thread) { }
    @Override public void classInitialized(Class<?> type) { }
    @Override public void classUsed(Class<?> type) { }
}
