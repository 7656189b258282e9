package dev.guarded.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.apache.commons.lang.StringUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class files older than Java 5 (version below 49) cannot hold the class constants the hooks load; such
 * classes must still run, and run watched: races on their fields are reported.
 */
class LegacyClassFilesIT {

    private static final String PROGRAM = "dev.guarded.itprog.LegacyClassFiles";

    @TempDir
    Path generated;

    /** commons-lang 2.6 from Maven Central (class version 47): works, and a race inside it is reported. */
    @Test
    void commonsLangRunsWatched() throws Exception {
        String jar = Paths.get(StringUtils.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Result run = ForkedJvm.program(PROGRAM).classpath(jar).args("commons-lang").run();
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("joined=a,b,c"), run::describe);
        assertTrue(run.stdout().contains("capitalized=Guarded"), run::describe);
        assertTrue(run.stdout().contains("abbreviated=a pre-Jav..."), run::describe);
        assertTrue(run.stdout().contains("count>0=true"), run::describe);
        assertFalse(run.stderr().contains("could not instrument"), run::describe);
        assertFalse(run.stderr().contains("VerifyError"), run::describe);
        assertFalse(run.racesOn("org.apache.commons.lang.mutable.MutableInt.value").isEmpty(), run::describe);
    }

    /**
     * A generated version-48 class with a static initializer (hooks load its class constant on every static
     * entry) and a static synchronized method (its monitor is the class constant), verified strictly.
     */
    @Test
    void generatedJava14ClassRacesAreReported() throws Exception {
        Files.createDirectories(generated.resolve("legacy"));
        Files.write(generated.resolve("legacy/LegacyCounter.class"), legacyCounter(Opcodes.V1_4));
        Result run = ForkedJvm.program(PROGRAM).classpath(generated.toString())
                .jvmArgs("-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal")
                .args("generated", "legacy.LegacyCounter").run();
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("value="), run::describe);
        assertFalse(run.stderr().contains("could not instrument"), run::describe);
        assertFalse(run.racesOn("legacy.LegacyCounter.value").isEmpty(), run::describe);
    }

    /**
     * {@code public class legacy.LegacyCounter implements Runnable}: {@code public static int value} set in
     * {@code <clinit>}; {@code run()} calls the static synchronized {@code enter()} once, then does
     * {@code value++} 10,000 times without a lock.
     */
    static byte[] legacyCounter(int version) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        String name = "legacy/LegacyCounter";
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"java/lang/Runnable"});
        cw.visitSource("LegacyCounter.java", null);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "value", "I", null, null).visitEnd();

        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitInsn(Opcodes.ICONST_0);
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, name, "value", "I");
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor enter = cw.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED, "enter", "()V", null,
                null);
        enter.visitCode();
        enter.visitInsn(Opcodes.RETURN);
        enter.visitMaxs(0, 0);
        enter.visitEnd();

        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        Label start = new Label();
        run.visitLabel(start);
        run.visitLineNumber(10, start);
        run.visitMethodInsn(Opcodes.INVOKESTATIC, name, "enter", "()V", false);
        run.visitInsn(Opcodes.ICONST_0);
        run.visitVarInsn(Opcodes.ISTORE, 1);
        Label loop = new Label();
        Label done = new Label();
        run.visitLabel(loop);
        run.visitLineNumber(11, loop);
        run.visitVarInsn(Opcodes.ILOAD, 1);
        run.visitIntInsn(Opcodes.SIPUSH, 10_000);
        run.visitJumpInsn(Opcodes.IF_ICMPGE, done);
        run.visitFieldInsn(Opcodes.GETSTATIC, name, "value", "I");
        run.visitInsn(Opcodes.ICONST_1);
        run.visitInsn(Opcodes.IADD);
        run.visitFieldInsn(Opcodes.PUTSTATIC, name, "value", "I");
        run.visitIincInsn(1, 1);
        run.visitJumpInsn(Opcodes.GOTO, loop);
        run.visitLabel(done);
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
