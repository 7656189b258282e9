package dev.guarded.agent.internal.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

import dev.guarded.agent.internal.detect.SyncSlots;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Gives the JDK's short-lived synchronization objects ({@link SyncSlots#JDK_CLASSES}: futures and tasks) the
 * sync slot that instrumented classes declare, so that their sync state lives in the object instead of in a weak
 * identity table. A future-heavy program creates millions of them, and each table entry's state survived at
 * least one collection after its key died (the table holds it until the next sweep): the copying filled the
 * survivor spaces, promoted the rest, and collecting it cost a future pipeline a third of its time.
 *
 * <p>Fields can be added only when a class is first defined, so this transformer is registered before the agent
 * loads any of these classes itself, and it is not retransformation-capable: the JVM keeps its output as the
 * class file that later retransformations (the JDK model's advice) start from, field included. A class already
 * loaded when the agent starts (another agent used it first) keeps its nodes in the table; which one an object
 * uses depends only on its class, so every lookup agrees.
 */
final class JdkSyncSlots implements ClassFileTransformer {

    JdkSyncSlots() {
    }

    /** Registers the transformer; call before anything loads the classes it widens. */
    static void install(Instrumentation inst) {
        inst.addTransformer(new JdkSyncSlots(), false);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] bytes) {
        if (loader != null || redefined != null || className == null
                || !SyncSlots.JDK_CLASSES.contains(className.replace('/', '.'))) {
            return null;
        }
        try {
            return withSlot(bytes);
        } catch (Throwable e) {
            // Never fatal: the class loads as it is and its objects keep their nodes in the table.
            AppTransformer.warn(className.replace('/', '.'), e);
            return null;
        }
    }

    /** @return the class file with a private transient synthetic {@code Object guarded$sync} appended */
    static byte[] withSlot(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        // Passing the reader lets the writer copy every method unchanged, byte for byte.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitEnd() {
                cv.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC,
                        ShadowWords.SYNC, "Ljava/lang/Object;", null, null).visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }
}
