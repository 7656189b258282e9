package dev.guarded.agent.internal.detect;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.internal.config.AgentOptions;

/**
 * The race detector: receives every hook call from instrumented code.
 */
public final class Detector implements HookListener {

    private final AgentOptions options;

    private Detector(AgentOptions options) {
        this.options = options;
    }

    /**
     * Creates the detector for this JVM and registers the shutdown hook that writes the reports.
     *
     * @param options parsed agent options
     * @return the listener to pass to {@code Hooks.install}
     */
    public static Detector start(AgentOptions options) {
        return new Detector(options);
    }

    /** @return the options this detector runs with */
    public AgentOptions options() {
        return options;
    }

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
