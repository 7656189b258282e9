package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The instrumentation-time half of the JDK-classes table: which calls are reads, writes, views. */
class JdkCallsTest {

    @Test
    void mutatorsAreWritesAndObserversReadsWhateverTheStaticType() {
        assertEquals(JdkCalls.WRITE, JdkCalls.kind("java/util/List", "add"));
        assertEquals(JdkCalls.WRITE, JdkCalls.kind("java/util/Map", "computeIfAbsent"));
        assertEquals(JdkCalls.WRITE, JdkCalls.kind("java/util/Iterator", "remove"));
        assertEquals(JdkCalls.WRITE, JdkCalls.kind("java/lang/StringBuilder", "setLength"));
        assertEquals(JdkCalls.WRITE, JdkCalls.kind("java/text/DateFormat", "format"));
        assertEquals(JdkCalls.WRITE, JdkCalls.kind("java/util/regex/Matcher", "find"));
        assertEquals(JdkCalls.WRITE, JdkCalls.kind("java/text/MessageFormat", "applyPattern"));
        assertEquals(JdkCalls.READ, JdkCalls.kind("java/util/Map", "getOrDefault"));
        assertEquals(JdkCalls.READ, JdkCalls.kind("java/util/Iterator", "hasNext"));
        assertEquals(JdkCalls.READ, JdkCalls.kind("java/lang/CharSequence", "length"));
        assertEquals(JdkCalls.READ, JdkCalls.kind("java/util/regex/Matcher", "group"));
        assertEquals(JdkCalls.READ, JdkCalls.kind("java/util/BitSet", "get"));
    }

    @Test
    void unrelatedOwnersAndObjectMethodsAreNotInstrumented() {
        assertEquals(JdkCalls.NONE, JdkCalls.kind("java/util/concurrent/ConcurrentHashMap", "put"));
        assertEquals(JdkCalls.NONE, JdkCalls.kind("java/lang/Object", "toString"));
        assertEquals(JdkCalls.NONE, JdkCalls.kind("com/acme/Cache", "put"));
        assertEquals(JdkCalls.NONE, JdkCalls.kind("java/util/ArrayList", "getClass"));
        assertEquals(JdkCalls.NONE, JdkCalls.kind("java/util/ArrayList", "notifyAll"));
        assertEquals(JdkCalls.NONE, JdkCalls.kind("java/util/ArrayList", "wait"));
    }

    @Test
    void viewsAreRecognisedByNameAndObjectResult() {
        assertTrue(JdkCalls.returnsView("keySet", "()Ljava/util/Set;"));
        assertTrue(JdkCalls.returnsView("subList", "(II)Ljava/util/List;"));
        assertFalse(JdkCalls.returnsView("size", "()I"));
        assertTrue(JdkCalls.unmodifiableView("java/util/Collections", "unmodifiableMap",
                "(Ljava/util/Map;)Ljava/util/Map;"));
        assertFalse(JdkCalls.unmodifiableView("java/util/Collections", "synchronizedMap",
                "(Ljava/util/Map;)Ljava/util/Map;"));
        assertFalse(JdkCalls.unmodifiableView("java/util/Collections", "unmodifiableMap",
                "(Ljava/util/Map;Ljava/lang/Object;)Ljava/util/Map;"));
    }

    @Test
    void threadLocalGetSetAndRemoveAreRecognisedOnBothThreadLocalTypes() {
        assertTrue(JdkCalls.threadLocalUse("java/lang/ThreadLocal", "get", "()Ljava/lang/Object;"));
        assertTrue(JdkCalls.threadLocalUse("java/lang/ThreadLocal", "set", "(Ljava/lang/Object;)V"));
        assertTrue(JdkCalls.threadLocalUse("java/lang/InheritableThreadLocal", "remove", "()V"));
        assertFalse(JdkCalls.threadLocalUse("java/lang/ThreadLocal", "withInitial",
                "(Ljava/util/function/Supplier;)Ljava/lang/ThreadLocal;"));
        assertFalse(JdkCalls.threadLocalUse("java/lang/ThreadLocal", "toString", "()Ljava/lang/String;"));
        assertFalse(JdkCalls.threadLocalUse("com/acme/MyThreadLocal", "get", "()Ljava/lang/Object;"));
    }
}
