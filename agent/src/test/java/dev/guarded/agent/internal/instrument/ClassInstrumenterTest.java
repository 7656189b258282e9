package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.internal.meta.CallSites;
import dev.guarded.agent.internal.meta.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rewrites {@link Sample} in-process, loads it in its own loader (so the JVM verifies it) and checks which
 * hook calls each bytecode shape produces, in order. The forked-JVM ITs cover the packaged agent.
 */
class ClassInstrumenterTest {

    private final List<String> events = new ArrayList<>();
    private final List<Object> threadLocals = new ArrayList<>();
    private Object sample;

    @BeforeEach
    void load() throws Exception {
        byte[] original;
        try (InputStream in = Sample.class.getResourceAsStream("Sample.class")) {
            original = in.readAllBytes();
        }
        byte[] rewritten = ClassInstrumenter.instrument(original, Sample.class.getClassLoader(), new FieldResolver(),
                name -> name.endsWith("Sample"), ShadowWords.none(), false);
        Class<?> type = new SingleClassLoader(Sample.class.getName(), rewritten).loadClass(Sample.class.getName());
        sample = type.getConstructor().newInstance();
        Hooks.install(new Recorder());
    }

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    @Test
    void plainFieldReadThenWriteAndNoEventForFinalField() throws Exception {
        call("increment");
        assertEquals(List.of("read value", "write value"), events);
    }

    @Test
    void staticWideFieldIsReportedWithNullOwner() throws Exception {
        assertEquals(5L, call("addTotal", 5L));
        assertEquals(List.of("read static total", "write static total", "read static total"), events);
    }

    @Test
    void volatileFieldIsSynchronizationNotAnAccess() throws Exception {
        assertEquals(1L, call("touchStamp"));
        assertEquals(List.of("volatileRead stamp", "volatileWrite stamp", "volatileRead stamp"), events);
    }

    @Test
    void arrayElementsReportTheirIndex() throws Exception {
        assertEquals(1.5, call("arrays"));
        assertEquals(List.of("read data", "arrayWrite 2", "read data", "arrayRead 2"), events);
    }

    @Test
    void synchronizedMethodReleasesOnReturnAndOnThrow() throws Exception {
        call("lockedThrow", false);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> call("lockedThrow", true));
        assertEquals(IllegalStateException.class, thrown.getCause().getClass());
        assertEquals(List.of("lock", "read value", "unlock", "lock", "unlock"), events);
    }

    @Test
    void callsOnJdkObjectsAreReadsWritesAndViewsAtTheCallSite() throws Exception {
        assertEquals("42719", call("jdkCalls", new java.util.ArrayList<Integer>(), new StringBuilder()));
        assertEquals(List.of("callWrite add", "callRead iterator", "callView Itr of ArrayList", "callRead next",
                "callWrite insert", "callWrite append", "callView UnmodifiableRandomAccessList of ArrayList",
                "callRead toString", "callRead size"), events);
    }

    @Test
    void threadLocalGetSetAndRemoveReportTheirThreadLocalAtTheCallSite() throws Exception {
        ThreadLocal<String> local = ThreadLocal.withInitial(() -> "b");
        assertEquals("ab", call("threadLocalCalls", local));
        assertEquals(List.of("threadLocal", "threadLocal", "threadLocal", "threadLocal"), events);
        assertEquals(4, threadLocals.stream().filter(l -> l == local).count());
    }

    private Object call(String name, Object... args) throws Exception {
        for (Method m : sample.getClass().getMethods()) {
            if (m.getName().equals(name)) {
                return m.invoke(sample, args);
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static String field(int id) {
        return Metadata.global().fieldById(id).name();
    }

    private final class Recorder implements HookListener {
        @Override public void read(Object owner, int fieldId, int siteId) {
            events.add("read " + (owner == null ? "static " : "") + field(fieldId));
        }
        @Override public void write(Object owner, int fieldId, int siteId) {
            events.add("write " + (owner == null ? "static " : "") + field(fieldId));
        }
        @Override public void arrayRead(Object array, int index, int siteId) { events.add("arrayRead " + index); }
        @Override public void arrayWrite(Object array, int index, int siteId) { events.add("arrayWrite " + index); }
        @Override public void volatileRead(Object owner, int fieldId) { events.add("volatileRead " + field(fieldId)); }
        @Override public void volatileWrite(Object owner, int fieldId) { events.add("volatileWrite " + field(fieldId)); }
        @Override public void lockAcquired(Object lock, int siteId) { events.add(lock == sample ? "lock" : "lock?"); }
        @Override public void lockReleasing(Object lock, int siteId) { events.add(lock == sample ? "unlock" : "unlock?"); }
        @Override public void acquire(Object key, int channel) { events.add("acquire"); }
        @Override public void release(Object key, int channel) { events.add("release"); }
        @Override public void threadStarting(Thread thread) { }
        @Override public void threadTerminated(Thread thread) { }
        @Override public void classInitialized(Class<?> type) { }
        @Override public void classUsed(Class<?> type) { }
        @Override public void callRead(Object receiver, int siteId) {
            events.add("callRead " + CallSites.callee(siteId));
        }
        @Override public void callWrite(Object receiver, int siteId) {
            events.add("callWrite " + CallSites.callee(siteId));
        }
        @Override public void threadLocalUsed(Object threadLocal) {
            events.add("threadLocal");
            threadLocals.add(threadLocal);
        }
        @Override public void callView(Object view, Object receiver) {
            events.add("callView " + view.getClass().getSimpleName() + " of " + receiver.getClass().getSimpleName());
        }
    }

    /** Defines one class from given bytes and delegates everything else. */
    static final class SingleClassLoader extends ClassLoader {
        private final java.util.Map<String, byte[]> classes;

        SingleClassLoader(String name, byte[] bytes) {
            this(java.util.Map.of(name, bytes));
        }

        /** Defines each named class from its bytes (a class and the classes that access its fields). */
        SingleClassLoader(java.util.Map<String, byte[]> classes) {
            super(ClassInstrumenterTest.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            byte[] bytes = classes.get(className);
            if (bytes == null) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> known = findLoadedClass(className);
                return known != null ? known : defineClass(className, bytes, 0, bytes.length);
            }
        }

        @Override
        public InputStream getResourceAsStream(String resource) {
            return getParent().getResourceAsStream(resource);
        }
    }

}
