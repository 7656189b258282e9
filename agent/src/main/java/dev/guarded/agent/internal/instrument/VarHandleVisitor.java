package dev.guarded.agent.internal.instrument;

import dev.guarded.agent.hook.Bridges;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Treats VarHandle access modes in application code as synchronization: reads acquire after the call,
 * writes release before it, read-modify-writes acquire and release before and acquire after. The key is the first
 * coordinate when it is an object (the instance or array the handle points into), on the
 * {@code Bridges.FIELD_ATOMICS} channel that volatile accesses to that object's fields also use (a VarHandle
 * does not say which field it stands for); else the VarHandle itself on channel 0 (static fields). Arguments are spilled to fresh locals above the method's original {@code max_locals}, so
 * the sequence needs no stack juggling and no new frames.
 */
final class VarHandleVisitor extends MethodVisitor {

    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";

    private final MethodContext ctx;

    VarHandleVisitor(MethodVisitor next, MethodContext ctx) {
        super(Opcodes.ASM9, next);
        this.ctx = ctx;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        int values = opcode == Opcodes.INVOKEVIRTUAL && VAR_HANDLE.equals(owner) ? valueArguments(name) : -1;
        if (values < 0) {
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            return;
        }
        Type[] args = Type.getArgumentTypes(descriptor);
        int[] slots = new int[args.length];
        int next = ctx.spillBase + 1;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        for (int i = args.length - 1; i >= 0; i--) {
            mv.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), slots[i]);
        }
        mv.visitVarInsn(Opcodes.ASTORE, ctx.spillBase);
        boolean coordinate = args.length > values && isReference(args[0]);
        int keySlot = coordinate ? slots[0] : ctx.spillBase;
        boolean read = name.startsWith("get") && values == 0;
        boolean write = name.startsWith("set");
        int channel = coordinate ? Bridges.FIELD_ATOMICS : 0;
        if (!read && !write) {
            // A read-modify-write acquires before it releases, like the other atomics: the release is then a
            // copy of the thread's clock, not a merge, and the handle's clock stays one chain of shared tries.
            mv.visitVarInsn(Opcodes.ALOAD, keySlot);
            MethodContext.push(mv, channel);
            MethodContext.hook(mv, "acquire", "(Ljava/lang/Object;I)V");
        }
        if (!read) {
            mv.visitVarInsn(Opcodes.ALOAD, keySlot);
            MethodContext.push(mv, channel);
            MethodContext.hook(mv, "release", "(Ljava/lang/Object;I)V");
        }
        mv.visitVarInsn(Opcodes.ALOAD, ctx.spillBase);
        for (int i = 0; i < args.length; i++) {
            mv.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        if (!write) {
            mv.visitVarInsn(Opcodes.ALOAD, keySlot);
            MethodContext.push(mv, channel);
            MethodContext.hook(mv, "acquire", "(Ljava/lang/Object;I)V");
        }
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    /** @return how many trailing arguments are values (not coordinates), or -1 if not an access mode */
    static int valueArguments(String name) {
        if (name.startsWith("compareAnd") || name.startsWith("weakCompareAndSet")) {
            return 2;
        }
        if (name.startsWith("getAnd") || name.startsWith("set")) {
            return 1;
        }
        if (name.equals("get") || name.equals("getVolatile") || name.equals("getAcquire")
                || name.equals("getOpaque")) {
            return 0;
        }
        return -1;
    }
}
