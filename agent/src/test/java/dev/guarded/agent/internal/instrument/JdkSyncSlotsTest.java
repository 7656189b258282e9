package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * The transformer that gives the JDK's futures and tasks their sync slot: the widened class still loads and
 * behaves, and it leaves alone everything it must not touch.
 */
class JdkSyncSlotsTest {

    @Test
    void widenedClassLoadsWithOnePrivateTransientSyntheticSlotAndBehavesAsBefore() throws Exception {
        byte[] widened = JdkSyncSlots.withSlot(bytesOf(Sample.class));
        Class<?> type = new ClassLoader(null) {
            Class<?> define() {
                return defineClass(Sample.class.getName(), widened, 0, widened.length);
            }
        }.define();
        Field slot = type.getDeclaredField("guarded$sync");
        int m = slot.getModifiers();
        assertTrue(slot.isSynthetic() && Modifier.isPrivate(m) && Modifier.isTransient(m) && !Modifier.isStatic(m),
                slot.toString());
        assertEquals(Object.class, slot.getType());
        assertEquals(Sample.class.getDeclaredFields().length + 1, type.getDeclaredFields().length);
        Object sample = type.getConstructor().newInstance();
        assertEquals(3, type.getMethod("increment").invoke(sample));
        Field value = type.getDeclaredField("value");
        value.setAccessible(true);
        assertEquals(1, value.getInt(sample));
    }

    @Test
    void leavesOtherClassesApplicationLoadersAndRedefinitionsAlone() throws Exception {
        JdkSyncSlots transformer = transformer();
        byte[] future = bytesOf(CompletableFuture.class);
        assertNull(transformer.transform(null, null, "java/util/concurrent/ConcurrentHashMap", null, null,
                bytesOf(java.util.concurrent.ConcurrentHashMap.class)));
        assertNull(transformer.transform(null, getClass().getClassLoader(), "java/util/concurrent/CompletableFuture",
                null, null, future));
        assertNull(transformer.transform(null, null, "java/util/concurrent/CompletableFuture", CompletableFuture.class,
                null, future));
        assertNotNull(transformer.transform(null, null, "java/util/concurrent/CompletableFuture", null, null, future));
    }

    @Test
    void unreadableClassFileLoadsUnchangedWithOneWarning() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertNull(transformer().transform(null, null, "java/util/concurrent/FutureTask", null, null,
                    new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1}));
        } finally {
            System.setErr(err);
        }
        String warning = captured.toString(StandardCharsets.UTF_8);
        assertTrue(warning.startsWith("guarded: could not instrument java.util.concurrent.FutureTask ("), warning);
        assertEquals(1, warning.lines().count(), warning);
    }

    private static JdkSyncSlots transformer() {
        return new JdkSyncSlots();
    }

    private static byte[] bytesOf(Class<?> type) throws Exception {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
