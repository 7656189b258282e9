package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rewrites {@link UnsafeSample} in-process and checks the synchronization events of its Unsafe and VarHandle
 * call sites, in order: ordered/volatile stores release, volatile loads acquire, read-modify-writes acquire
 * and release before and acquire after, plain accesses order nothing; all on the base object's
 * {@link Bridges#FIELD_ATOMICS} channel (arrays: the array).
 */
class UnsafeVisitorTest {

    private final List<String> events = new ArrayList<>();
    private Object sample;
    private Object slots;

    @BeforeEach
    void load() throws Exception {
        byte[] original;
        try (InputStream in = UnsafeSample.class.getResourceAsStream("UnsafeSample.class")) {
            original = in.readAllBytes();
        }
        String name = UnsafeSample.class.getName();
        byte[] rewritten = ClassInstrumenter.instrument(original, UnsafeSample.class.getClassLoader(),
                new FieldResolver(), n -> n.endsWith("UnsafeSample"), ShadowWords.none(), false);
        ClassLoader loader = new ClassLoader(UnsafeVisitorTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(name)) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> known = findLoadedClass(className);
                    return known != null ? known : defineClass(className, rewritten, 0, rewritten.length);
                }
            }
        };
        Class<?> type = loader.loadClass(name);
        sample = type.getConstructor().newInstance();
        slots = type.getField("slots").get(sample);
        // Records acquire/release only: the sample's plain field accesses are not what this test is about.
        Hooks.install((HookListener) Proxy.newProxyInstance(HookListener.class.getClassLoader(),
                new Class<?>[] {HookListener.class}, (proxy, method, args) -> {
                    if (method.getName().equals("acquire") || method.getName().equals("release")) {
                        String key = args[0] == sample ? "sample" : args[0] == slots ? "slots" : "other";
                        events.add(method.getName() + " " + key + " " + args[1]);
                    }
                    return null;
                }));
    }

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    private static final int ATOMICS = Bridges.FIELD_ATOMICS;

    @Test
    void orderedStoreReleasesVolatileLoadAcquires() throws Exception {
        assertEquals(7L, call("ordered"));
        assertEquals(List.of("release sample " + ATOMICS, "acquire sample " + ATOMICS), events);
    }

    @Test
    void casAcquiresAndReleasesBeforeAndAcquiresAfter() throws Exception {
        call("ordered");
        events.clear();
        assertEquals(true, call("cas"));
        assertEquals(List.of("acquire sample " + ATOMICS, "release sample " + ATOMICS, "acquire sample " + ATOMICS),
                events);
    }

    @Test
    void plainUnsafeAccessesOrderNothing() throws Exception {
        assertEquals(9L, call("plain"));
        assertEquals(List.of(), events);
    }

    @Test
    void arrayElementsUseTheArray() throws Exception {
        assertEquals("x", call("element"));
        assertEquals(List.of("release slots " + ATOMICS, "acquire slots " + ATOMICS), events);
    }

    @Test
    void varHandleReadModifyWriteAcquiresBeforeItReleases() throws Exception {
        assertEquals(0, call("handleRmw"));
        assertEquals(List.of("acquire sample " + ATOMICS, "release sample " + ATOMICS, "acquire sample " + ATOMICS),
                events);
    }

    @Test
    void orderingOfBothUnsafeFamilies() {
        assertEquals(UnsafeVisitor.Ordering.RELEASE, UnsafeVisitor.ordering("putOrderedLong"));
        assertEquals(UnsafeVisitor.Ordering.RELEASE, UnsafeVisitor.ordering("putReferenceRelease"));
        assertEquals(UnsafeVisitor.Ordering.RELEASE, UnsafeVisitor.ordering("putIntVolatile"));
        assertEquals(UnsafeVisitor.Ordering.ACQUIRE, UnsafeVisitor.ordering("getReferenceAcquire"));
        assertEquals(UnsafeVisitor.Ordering.ACQUIRE, UnsafeVisitor.ordering("getObjectVolatile"));
        assertEquals(UnsafeVisitor.Ordering.READ_MODIFY_WRITE, UnsafeVisitor.ordering("compareAndSetReference"));
        assertEquals(UnsafeVisitor.Ordering.READ_MODIFY_WRITE, UnsafeVisitor.ordering("compareAndExchangeIntAcquire"));
        assertEquals(UnsafeVisitor.Ordering.READ_MODIFY_WRITE, UnsafeVisitor.ordering("weakCompareAndSetLongRelease"));
        assertEquals(UnsafeVisitor.Ordering.READ_MODIFY_WRITE, UnsafeVisitor.ordering("getAndAddInt"));
        assertEquals(UnsafeVisitor.Ordering.READ_MODIFY_WRITE, UnsafeVisitor.ordering("getAndBitwiseOrLong"));
        assertEquals(UnsafeVisitor.Ordering.NONE, UnsafeVisitor.ordering("weakCompareAndSetIntPlain"));
        assertEquals(UnsafeVisitor.Ordering.NONE, UnsafeVisitor.ordering("getLongOpaque"));
        assertEquals(UnsafeVisitor.Ordering.NONE, UnsafeVisitor.ordering("putLong"));
        assertEquals(UnsafeVisitor.Ordering.NONE, UnsafeVisitor.ordering("getAddress"));
        assertEquals(UnsafeVisitor.Ordering.NONE, UnsafeVisitor.ordering("objectFieldOffset"));
    }

    private Object call(String name) throws Exception {
        for (Method m : sample.getClass().getMethods()) {
            if (m.getName().equals(name)) {
                return m.invoke(sample);
            }
        }
        throw new NoSuchMethodException(name);
    }
}
