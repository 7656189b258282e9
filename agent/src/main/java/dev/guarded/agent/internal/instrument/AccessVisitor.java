package dev.guarded.agent.internal.instrument;

import static dev.guarded.agent.internal.instrument.MethodContext.hook;
import static dev.guarded.agent.internal.instrument.MethodContext.push;

import dev.guarded.agent.internal.meta.Metadata;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Reports field and array-element accesses: plain ones to {@code Hooks.read/write/arrayRead/arrayWrite}
 * before the access, volatile ones to {@code Hooks.volatileRead} after the read and {@code volatileWrite}
 * before the write. Also reports uses of other application classes (static access, allocation) so that
 * their static initializers happen-before the use. The operand stack is rearranged with DUP forms only, so
 * no local is needed and stack map frames stay valid.
 */
final class AccessVisitor extends MethodVisitor {

    private static final String READ_WRITE = "(Ljava/lang/Object;II)V";
    private static final String VOLATILE = "(Ljava/lang/Object;I)V";

    private final MethodContext ctx;
    /** In a constructor, fields of the uninitialized {@code this} are not visible to other threads yet. */
    private boolean beforeSuperCall;
    private int pendingNews;

    AccessVisitor(MethodVisitor next, MethodContext ctx) {
        super(OpenedClassReader.ASM_API, next);
        this.ctx = ctx;
        this.beforeSuperCall = "<init>".equals(ctx.method);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        ctx.line(line);
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode == Opcodes.NEW) {
            pendingNews++;
            classUsed(type);
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        if (opcode == Opcodes.INVOKESTATIC) {
            classUsed(owner);
        } else if (opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name)) {
            if (pendingNews > 0) {
                pendingNews--;
            } else {
                beforeSuperCall = false;
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        boolean isStatic = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
        if (isStatic) {
            classUsed(owner);
        }
        FieldResolver.Field field = ctx.type.resolver.resolve(ctx.type.loader, ctx.type.shape, owner, name);
        if (field.isIgnored() || name.startsWith("$jacoco") || (!isStatic && beforeSuperCall)) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            return;
        }
        int id = Metadata.global().field(field.declaringClass().replace('/', '.'), name, descriptor, isStatic,
                field.benign());
        boolean wide = Type.getType(descriptor).getSize() == 2;
        if (field.isVolatile()) {
            volatileAccess(opcode, owner, name, descriptor, id, wide);
        } else {
            plainAccess(opcode, id, wide);
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }
    }

    private void plainAccess(int opcode, int id, boolean wide) {
        switch (opcode) {
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC -> mv.visitInsn(Opcodes.ACONST_NULL);
            case Opcodes.GETFIELD -> mv.visitInsn(Opcodes.DUP);
            default -> ownerBelowValue(wide);
        }
        push(mv, id);
        push(mv, ctx.site());
        hook(mv, opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC ? "read" : "write", READ_WRITE);
    }

    private void volatileAccess(int opcode, String owner, String name, String descriptor, int id, boolean wide) {
        switch (opcode) {
            case Opcodes.GETSTATIC -> {
                super.visitFieldInsn(opcode, owner, name, descriptor);
                mv.visitInsn(Opcodes.ACONST_NULL);
                push(mv, id);
                hook(mv, "volatileRead", VOLATILE);
            }
            case Opcodes.GETFIELD -> {
                mv.visitInsn(Opcodes.DUP);                                  // owner owner
                super.visitFieldInsn(opcode, owner, name, descriptor);      // owner value
                if (wide) {
                    mv.visitInsn(Opcodes.DUP2_X1);                          // value owner value
                    mv.visitInsn(Opcodes.POP2);                             // value owner
                } else {
                    mv.visitInsn(Opcodes.SWAP);                             // value owner
                }
                push(mv, id);
                hook(mv, "volatileRead", VOLATILE);
            }
            case Opcodes.PUTSTATIC -> {
                mv.visitInsn(Opcodes.ACONST_NULL);
                push(mv, id);
                hook(mv, "volatileWrite", VOLATILE);
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
            default -> {
                ownerBelowValue(wide);
                push(mv, id);
                hook(mv, "volatileWrite", VOLATILE);
                super.visitFieldInsn(opcode, owner, name, descriptor);
            }
        }
    }

    /** {@code owner value} becomes {@code owner value owner}. */
    private void ownerBelowValue(boolean wide) {
        if (wide) {
            mv.visitInsn(Opcodes.DUP2_X1);   // value owner value
            mv.visitInsn(Opcodes.POP2);      // value owner
            mv.visitInsn(Opcodes.DUP_X2);    // owner value owner
        } else {
            mv.visitInsn(Opcodes.DUP2);      // owner value owner value
            mv.visitInsn(Opcodes.POP);       // owner value owner
        }
    }

    @Override
    public void visitInsn(int opcode) {
        switch (opcode) {
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                 Opcodes.CALOAD, Opcodes.SALOAD -> {
                mv.visitInsn(Opcodes.DUP2);
                push(mv, ctx.site());
                hook(mv, "arrayRead", READ_WRITE);
            }
            case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
                 Opcodes.SASTORE -> {
                mv.visitInsn(Opcodes.DUP_X2);    // value array index value
                mv.visitInsn(Opcodes.POP);       // value array index
                mv.visitInsn(Opcodes.DUP2_X1);   // array index value array index
                push(mv, ctx.site());
                hook(mv, "arrayWrite", READ_WRITE);
            }
            case Opcodes.LASTORE, Opcodes.DASTORE -> {
                mv.visitInsn(Opcodes.DUP2_X2);   // value array index value
                mv.visitInsn(Opcodes.POP2);      // value array index
                mv.visitInsn(Opcodes.DUP2_X2);   // array index value array index
                push(mv, ctx.site());
                hook(mv, "arrayWrite", READ_WRITE);
            }
            default -> {
                // not an array access
            }
        }
        super.visitInsn(opcode);
    }

    private void classUsed(String owner) {
        if (owner.equals(ctx.type.internalName) || owner.startsWith("[")
                || !ctx.type.application.test(owner.replace('/', '.'))) {
            return;
        }
        mv.visitLdcInsn(Type.getObjectType(owner));
        hook(mv, "classUsed", "(Ljava/lang/Class;)V");
    }
}
