package dev.guarded.agent.internal.model;

import static dev.guarded.agent.internal.model.Advice.onAnyExit;
import static dev.guarded.agent.internal.model.Advice.onEnter;
import static dev.guarded.agent.internal.model.Advice.onExit;
import static dev.guarded.agent.internal.model.Operand.ALL_ARGUMENTS;
import static dev.guarded.agent.internal.model.Operand.RETURNED;
import static dev.guarded.agent.internal.model.Operand.THIS;
import static dev.guarded.agent.internal.model.Operand.THROWN;
import static dev.guarded.agent.internal.model.Operand.argument;
import static dev.guarded.agent.internal.model.Operand.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The advice weaver on a class of its own, loaded with verification: hooks see the operands they ask for, in
 * rule order on entry and reverse order on exit; returned values and thrown exceptions pass through
 * unchanged; an always-exit sees the throwable and the method's own handlers keep precedence.
 */
class AdviceWeaverTest {

    /** The advised methods. */
    public static class Target {
        public Object ref = "field value";

        public Target() {
        }

        public boolean flag(boolean value) {
            return value;
        }

        public long stamp(long value) {
            return value;
        }

        public Object pick(boolean first) {
            if (first) {
                return "first";
            }
            return "second";
        }

        public void fail(RuntimeException e) {
            throw e;
        }

        public int caught() {
            try {
                throw new IllegalStateException("handled inside");
            } catch (IllegalStateException e) {
                return 1;
            }
        }

        public static void statics(String text, int number, long wide, Object any) {
        }
    }

    /** The hooks the woven code calls: each records what it was given. */
    public static final class Recorder {
        static final List<String> EVENTS = new ArrayList<>();

        public static void first(Object self) {
            EVENTS.add("first enter");
        }

        public static void second(Object self) {
            EVENTS.add("second enter");
        }

        public static void firstExit(Object self) {
            EVENTS.add("first exit");
        }

        public static void secondExit(Object self) {
            EVENTS.add("second exit");
        }

        public static void returnedFlag(boolean value, Object self) {
            EVENTS.add("flag " + value);
        }

        public static void returnedStamp(long value, Object self) {
            EVENTS.add("stamp " + value);
        }

        public static void returnedObject(Object value, Object self) {
            EVENTS.add("object " + value);
        }

        public static void exited(Throwable thrown, Object self) {
            EVENTS.add("exited " + (thrown == null ? "normally" : thrown.getMessage()));
        }

        public static void wide(long value) {
            EVENTS.add("wide " + value);
        }

        public static void all(Object[] args) {
            EVENTS.add("all " + Arrays.toString(args));
        }

        public static void field(Object value) {
            EVENTS.add("field " + value);
        }
    }

    private static final String RECORDER = Recorder.class.getName().replace('.', '/');

    @BeforeEach
    void clear() {
        Recorder.EVENTS.clear();
    }

    @Test
    void entryHooksRunInRuleOrderExitHooksInReverse() throws Exception {
        Object target = newTarget("flag", List.of(onEnter("first", THIS).thenOnExit("firstExit", THIS),
                onEnter("second", THIS).thenOnExit("secondExit", THIS)));
        assertEquals(true, method(target, "flag", boolean.class).invoke(target, true));
        assertEquals(List.of("first enter", "second enter", "second exit", "first exit"), Recorder.EVENTS);
    }

    @Test
    void returnedValuesReachTheHookAndTheCallerUnchanged() throws Exception {
        Object flags = newTarget("flag", List.of(onExit("returnedFlag", RETURNED, THIS)));
        assertEquals(false, method(flags, "flag", boolean.class).invoke(flags, false));
        Object stamps = newTarget("stamp", List.of(onExit("returnedStamp", RETURNED, THIS)));
        assertEquals(Long.MAX_VALUE - 1, method(stamps, "stamp", long.class).invoke(stamps, Long.MAX_VALUE - 1));
        Object picks = newTarget("pick", List.of(onExit("returnedObject", RETURNED, THIS)));
        assertEquals("first", method(picks, "pick", boolean.class).invoke(picks, true));
        assertEquals("second", method(picks, "pick", boolean.class).invoke(picks, false));
        assertEquals(List.of("flag false", "stamp " + (Long.MAX_VALUE - 1), "object first", "object second"),
                Recorder.EVENTS);
    }

    @Test
    void anExitThatRunsAlwaysSeesTheThrowableWhichStillLeavesTheMethod() throws Exception {
        Object target = newTarget("fail", List.of(onAnyExit("exited", THROWN, THIS)));
        RuntimeException failure = new RuntimeException("the method's own failure");
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> method(target, "fail", RuntimeException.class).invoke(target, failure));
        assertSame(failure, thrown.getCause());
        assertEquals(List.of("exited the method's own failure"), Recorder.EVENTS);
    }

    @Test
    void theMethodsOwnHandlersKeepPrecedenceOverAnAlwaysExit() throws Exception {
        Object target = newTarget("caught", List.of(onAnyExit("exited", THROWN, THIS)));
        assertEquals(1, method(target, "caught").invoke(target));
        assertEquals(List.of("exited normally"), Recorder.EVENTS);
    }

    @Test
    void argumentsOfAStaticMethodBySlotAndAllAtOnce() throws Exception {
        Object target = newTarget("statics", List.of(onEnter("wide", argument(2)).thenOnExit("all", ALL_ARGUMENTS)));
        Object any = List.of("any");
        method(target, "statics", String.class, int.class, long.class, Object.class).invoke(null, "text", 7, 42L, any);
        assertEquals(List.of("wide 42", "all [text, null, null, [any]]"), Recorder.EVENTS);
    }

    @Test
    void aConstructorsExitSeesTheInitializedReceiverAndItsField() throws Exception {
        newTarget("<init>", List.of(onExit("field", field("ref"))));
        assertEquals(List.of("field field value"), Recorder.EVENTS);
    }

    @Test
    void operandsTheMethodLacksAreRejectedBeforeWeaving() {
        String instanceVoid = "(Ljava/lang/Object;)V";
        assertThrows(IllegalArgumentException.class, () -> AdviceWeaver.descriptor(
                new Advice.Call("h", THIS), "m", Opcodes.ACC_STATIC, instanceVoid, false));
        assertThrows(IllegalArgumentException.class, () -> AdviceWeaver.descriptor(
                new Advice.Call("h", THIS), "<init>", 0, instanceVoid, false));
        assertThrows(IllegalArgumentException.class, () -> AdviceWeaver.descriptor(
                new Advice.Call("h", RETURNED), "m", 0, instanceVoid, true));
        assertThrows(IllegalArgumentException.class, () -> AdviceWeaver.descriptor(
                new Advice.Call("h", argument(1)), "m", 0, instanceVoid, false));
        assertThrows(IllegalArgumentException.class, () -> AdviceWeaver.descriptor(
                new Advice.Call("h", THROWN), "m", 0, instanceVoid, false));
        assertThrows(IllegalArgumentException.class, () -> new Advice.Call("h", THIS, RETURNED));
        assertEquals("(JLjava/lang/Object;Ljava/lang/Object;)V", AdviceWeaver.descriptor(
                new Advice.Call("h", RETURNED, THIS, argument(0)), "m", 0, "(Ljava/lang/String;)J", true));
    }

    private static Method method(Object target, String name, Class<?>... parameters) throws NoSuchMethodException {
        return target.getClass().getMethod(name, parameters);
    }

    /** A new instance of {@link Target} whose method {@code name} is woven with {@code advice}. */
    private static Object newTarget(String name, List<Advice> advice) throws Exception {
        byte[] woven = weave(Target.class, name, advice);
        Class<?> type = new ClassLoader(AdviceWeaverTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (className.equals(Target.class.getName())) {
                    synchronized (getClassLoadingLock(className)) {
                        Class<?> loaded = findLoadedClass(className);
                        return loaded != null ? loaded : defineClass(className, woven, 0, woven.length);
                    }
                }
                return super.loadClass(className, resolve);
            }
        }.loadClass(Target.class.getName());
        return type.getConstructor().newInstance();
    }

    private static byte[] weave(Class<?> type, String name, List<Advice> advice) throws IOException {
        ClassReader reader;
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                + ".class")) {
            reader = new ClassReader(in);
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        Map<String, String> fields = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;

            @Override
            public void visit(int version, int access, String className, String signature, String superName,
                    String[] interfaces) {
                owner = className;
                super.visit(version, access, className, signature, superName, interfaces);
            }

            @Override
            public FieldVisitor visitField(int access, String field, String descriptor, String signature,
                    Object value) {
                fields.put(field, descriptor);
                return super.visitField(access, field, descriptor, signature, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, method, descriptor, signature, exceptions);
                return method.equals(name)
                        ? new AdviceWeaver(next, RECORDER, owner, method, access, descriptor, advice, fields, true)
                        : next;
            }
        }, 0);
        return writer.toByteArray();
    }
}
