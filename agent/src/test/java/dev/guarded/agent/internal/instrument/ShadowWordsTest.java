package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.guarded.agent.hook.HookListener;
import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.hook.ThreadContext;
import dev.guarded.agent.internal.meta.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rewrites {@link WordSample} and {@link WordSampleChild} with shadow words, loads them in their own loader
 * (so the JVM verifies every rewritten method, frames included) and checks the words, the fast-path calls,
 * and what must not change: exception messages, the serial version, the class's behaviour.
 */
class ShadowWordsTest {

    private static final String SAMPLE = WordSample.class.getName();
    private static final String CHILD = WordSampleChild.class.getName();
    private static final String INNER = WordSample.class.getName() + "$Inner";

    private final List<String> events = new ArrayList<>();
    private ClassLoader loader;

    @BeforeEach
    void load() throws Exception {
        ShadowWords words = new ShadowWords(true, name -> name.startsWith(SAMPLE), Set.of());
        Map<String, byte[]> rewritten = new HashMap<>();
        for (String name : List.of(SAMPLE, CHILD, INNER)) {
            rewritten.put(name, ClassInstrumenter.instrument(bytes(name), getClass().getClassLoader(),
                    new FieldResolver(), n -> n.startsWith(SAMPLE), words, false));
        }
        loader = new ClassInstrumenterTest.SingleClassLoader(rewritten);
        Hooks.install(new Recorder());
    }

    @AfterEach
    void uninstall() {
        Hooks.install(HookListener.NONE);
    }

    @Test
    void plainInstanceFieldsGetThreeTransientSyntheticWordsWithTheFieldsVisibility() throws Exception {
        Class<?> type = loader.loadClass(SAMPLE);
        for (String field : List.of("count", "weight", "shared", "label")) {
            int fieldAccess = type.getDeclaredField(field).getModifiers();
            for (String prefix : List.of("guarded$w$", "guarded$r$", "guarded$s$")) {
                Field word = type.getDeclaredField(prefix + field);
                assertEquals(long.class, word.getType());
                assertTrue(word.isSynthetic(), word::toString);
                assertTrue(Modifier.isTransient(word.getModifiers()), word::toString);
                assertEquals(fieldAccess & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE),
                        word.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE), word::toString);
            }
        }
        assertNotNull(type.getDeclaredField("guarded$side"));
        for (String noWords : List.of("fixed", "flag", "statics")) {
            assertThrows(NoSuchFieldException.class, () -> type.getDeclaredField("guarded$w$" + noWords), noWords);
        }
    }

    @Test
    void accessesGoThroughTheWordChecksAndBehaviourIsUnchanged() throws Exception {
        Object sample = loader.loadClass(SAMPLE).getConstructor().newInstance();
        events.clear();
        assertEquals(15L, call(sample, "loop", 4));
        assertEquals(List.of("context",
                "read count", "write count", "read count",
                "read weight", "write weight", "read count",
                "read count", "write count", "read count",
                "read weight", "write weight", "read count",
                "read shared", "write shared", "table read statics"), events);
        Field weight = loader.loadClass(SAMPLE).getDeclaredField("weight");
        weight.setAccessible(true);
        assertEquals(2.0 * 0.5, weight.getDouble(sample));
    }

    @Test
    void synchronizedMethodKeepsItsMonitorEventsAroundWordAccesses() throws Exception {
        Object sample = loader.loadClass(SAMPLE).getConstructor().newInstance();
        events.clear();
        assertEquals("x", call(sample, "relabel", "y"));
        assertEquals(List.of("context", "read label", "write label"), filtered(events));
        assertEquals("y", call(sample, "viaInner"));
    }

    @Test
    void inheritedFieldsAreFoundThroughTheSubclass() throws Exception {
        Object child = loader.loadClass(CHILD).getConstructor().newInstance();
        events.clear();
        assertEquals(2L, call(child, "bump"));
        assertEquals(List.of("context", "read shared", "write shared", "read count", "write count", "read count",
                "write own", "read own"), events);
    }

    @Test
    void theTopmostClassWithWordsDeclaresTheOneSyncSlot() throws Exception {
        Field slot = loader.loadClass(SAMPLE).getDeclaredField("guarded$sync");
        assertEquals(Object.class, slot.getType());
        assertTrue(slot.isSynthetic() && Modifier.isTransient(slot.getModifiers())
                && Modifier.isPrivate(slot.getModifiers()), slot::toString);
        // the subclass's superclass has words too, so it shares that slot rather than adding a second one
        assertThrows(NoSuchFieldException.class, () -> loader.loadClass(CHILD).getDeclaredField("guarded$sync"));
        ShadowWords words = new ShadowWords(true, name -> name.startsWith(SAMPLE), Set.of());
        byte[] fallback = ClassInstrumenter.wordsOnly(bytes(SAMPLE), words);
        Class<?> unwatched = new ClassInstrumenterTest.SingleClassLoader(SAMPLE, fallback).loadClass(SAMPLE);
        assertNotNull(unwatched.getDeclaredField("guarded$sync"), "the words-only fallback declares it as well");
    }

    @Test
    void aNullOwnerFailsWithTheOriginalMessage() throws Exception {
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> call(null, "countOf", new Object[] {null}));
        NullPointerException npe = (NullPointerException) thrown.getCause();
        String message = npe.getMessage();
        assertTrue(message == null || (message.contains("\"count\"") && !message.contains("guarded$")), message);
    }

    @Test
    void serialVersionStaysTheOneOfTheOriginalClass() throws Exception {
        long original = ObjectStreamClass.lookup(WordSample.class).getSerialVersionUID();
        assertEquals(original, ObjectStreamClass.lookup(loader.loadClass(SAMPLE)).getSerialVersionUID());
        assertEquals(original, SerialVersion.compute(ClassShape.ofTransformed(bytes(SAMPLE))));
        long child = ObjectStreamClass.lookup(WordSampleChild.class).getSerialVersionUID();
        assertEquals(child, ObjectStreamClass.lookup(loader.loadClass(CHILD)).getSerialVersionUID());
    }

    @Test
    void wordsOnlyFallbackDeclaresTheSameWords() throws Exception {
        ShadowWords words = new ShadowWords(true, name -> name.startsWith(SAMPLE), Set.of());
        byte[] fallback = ClassInstrumenter.wordsOnly(bytes(SAMPLE), words);
        Class<?> type = new ClassInstrumenterTest.SingleClassLoader(SAMPLE, fallback).loadClass(SAMPLE);
        assertNotNull(type.getDeclaredField("guarded$r$label"));
        assertEquals(ObjectStreamClass.lookup(WordSample.class).getSerialVersionUID(),
                ObjectStreamClass.lookup(type).getSerialVersionUID());
    }

    @Test
    void theRuleRefusesWhatCannotGainFields() throws Exception {
        ClassShape sample = ClassShape.ofTransformed(bytes(SAMPLE));
        assertTrue(new ShadowWords(true, n -> true, Set.of()).classHasWords(sample));
        assertFalse(new ShadowWords(false, n -> true, Set.of()).classHasWords(sample), "words off");
        assertFalse(new ShadowWords(true, n -> false, Set.of()).classHasWords(sample), "not an application class");
        assertFalse(new ShadowWords(true, n -> true, Set.of(sample.name)).classHasWords(sample), "loaded before");
        assertFalse(new ShadowWords(true, n -> true, Set.of()).classHasWords(
                ClassShape.ofTransformed(bytes(Runnable.class.getName()))), "interface");
        assertFalse(new ShadowWords(true, n -> true, Set.of()).classHasWords(
                ClassShape.ofTransformed(bytes("java.util.ArrayList"))), "JDK");
    }

    private static List<String> filtered(List<String> all) {
        List<String> out = new ArrayList<>();
        for (String e : all) {
            if (!e.startsWith("lock") && !e.startsWith("unlock")) {
                out.add(e);
            }
        }
        return out;
    }

    private Object call(Object target, String name, Object... args) throws Exception {
        Class<?> type = target == null ? loader.loadClass(SAMPLE) : target.getClass();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static byte[] bytes(String className) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static String field(int id) {
        return Metadata.global().fieldById(id).name();
    }

    /** Records word checks; the default context never matches, so every access reaches it. */
    private final class Recorder implements HookListener {
        @Override public ThreadContext context() {
            events.add("context");
            return HookListener.super.context();
        }
        @Override public void wordRead(Object owner, ThreadContext context, int fieldId, int siteId) {
            events.add("read " + field(fieldId));
        }
        @Override public void wordWrite(Object owner, ThreadContext context, int fieldId, int siteId) {
            events.add("write " + field(fieldId));
        }
        @Override public void read(Object owner, int fieldId, int siteId) { events.add("table read " + field(fieldId)); }
        @Override public void write(Object owner, int fieldId, int siteId) { events.add("table write " + field(fieldId)); }
        @Override public void arrayRead(Object array, int index, int siteId) { }
        @Override public void arrayWrite(Object array, int index, int siteId) { }
        @Override public void volatileRead(Object owner, int fieldId) { }
        @Override public void volatileWrite(Object owner, int fieldId) { }
        @Override public void lockAcquired(Object lock, int siteId) { events.add("lock"); }
        @Override public void lockReleasing(Object lock, int siteId) { events.add("unlock"); }
        @Override public void acquire(Object key, int channel) { }
        @Override public void release(Object key, int channel) { }
        @Override public void threadStarting(Thread thread) { }
        @Override public void threadTerminated(Thread thread) { }
        @Override public void classInitialized(Class<?> type) { }
        @Override public void classUsed(Class<?> type) { }
    }
}
