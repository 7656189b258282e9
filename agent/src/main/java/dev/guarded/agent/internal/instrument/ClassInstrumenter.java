package dev.guarded.agent.internal.instrument;

import dev.guarded.agent.internal.meta.Metadata;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites one application class: a first pass learns its fields and each method's {@code max_locals}; the
 * second pass threads every method through {@link AccessVisitor}, {@link MonitorVisitor},
 * {@link VarHandleVisitor} and {@link UnsafeVisitor}. Frames are read expanded and written as given ({@code COMPUTE_MAXS} only: computing
 * frames would need to load classes). No member is added, so the result is also valid for retransformation.
 */
final class ClassInstrumenter extends ClassVisitor {

    private final ClassContext ctx;

    private ClassInstrumenter(ClassVisitor writer, ClassContext ctx) {
        super(OpenedClassReader.ASM_API, writer);
        this.ctx = ctx;
    }

    /**
     * @return the instrumented class file
     * @throws RuntimeException when the class cannot be rewritten (e.g. a method would exceed 64 KB)
     */
    static byte[] instrument(byte[] original, ClassLoader loader, FieldResolver resolver,
            java.util.function.Predicate<String> application) {
        ClassShape shape = ClassShape.ofTransformed(original);
        ClassContext ctx = new ClassContext(shape, loader, resolver, application);
        ClassReader reader = OpenedClassReader.of(original);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassInstrumenter(writer, ctx), ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /**
     * Class files older than Java 5 (major version below 49) cannot load a class constant with {@code ldc},
     * which the hooks need ({@code classUsed}, static monitors); they are raised to version 49. That is safe:
     * 49 still verifies by type inference (no stack map frames needed, {@code jsr}/{@code ret} allowed), and
     * nothing else an older compiler emits means something different in 49.
     */
    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        super.visit(withClassLiterals(version), access, name, signature, superName, interfaces);
    }

    /** @return {@code version}, or Java 5's (49) when it is older; minor versions of old files are dropped */
    static int withClassLiterals(int version) {
        int major = version & 0xFFFF;
        return major < Opcodes.V1_5 ? Opcodes.V1_5 : version;
    }

    @Override
    public void visitSource(String source, String debug) {
        ctx.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if (ctx.shape.benign.contains(name)) {
            Metadata.global().markBenign(ctx.dotName, name, descriptor, (access & Opcodes.ACC_STATIC) != 0);
        }
        return super.visitField(access, name, descriptor, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return next;
        }
        int firstFree = ctx.shape.maxLocals.getOrDefault(name + descriptor, 0);
        MethodContext method = new MethodContext(ctx, access, name, descriptor, firstFree);
        return new AccessVisitor(new MonitorVisitor(new VarHandleVisitor(new UnsafeVisitor(next, method), method), method),
                method);
    }
}
