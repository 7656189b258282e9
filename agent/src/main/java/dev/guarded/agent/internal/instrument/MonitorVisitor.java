package dev.guarded.agent.internal.instrument;

import static dev.guarded.agent.internal.instrument.MethodContext.hook;
import static dev.guarded.agent.internal.instrument.MethodContext.push;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reports monitors: {@code lockAcquired} after MONITORENTER, {@code lockReleasing} before MONITOREXIT, and for
 * {@code synchronized} methods at entry, before every return and in an added catch-all handler that
 * rethrows. Calls to {@code Object.wait} are routed through {@code Bridges.wait}, which releases the monitor's
 * clock before waiting and re-acquires it after. In {@code <clinit>}, reports the end of class initialization
 * before every return.
 */
final class MonitorVisitor extends MethodVisitor {

    private static final String LOCK = "(Ljava/lang/Object;I)V";

    private final MethodContext ctx;
    private final boolean synchronizedMethod;
    private final boolean classInit;
    private final Label start = new Label();
    private final Label handler = new Label();
    private boolean started;

    MonitorVisitor(MethodVisitor next, MethodContext ctx) {
        super(Opcodes.ASM9, next);
        this.ctx = ctx;
        this.synchronizedMethod = (ctx.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        this.classInit = "<clinit>".equals(ctx.method);
    }

    /**
     * Emits the entry code before the first instruction. The catch-all handler is declared here, after the
     * method's own try-catch blocks (ClassReader reports those first), so that it comes last in the exception
     * table and never shadows them.
     */
    private void begin() {
        if (started) {
            return;
        }
        started = true;
        if (synchronizedMethod) {
            super.visitTryCatchBlock(start, handler, handler, null);
            super.visitLabel(start);
            pushMonitor();
            push(mv, ctx.site());
            hook(mv, "lockAcquired", LOCK);
        }
    }

    private void pushMonitor() {
        if (ctx.isStatic()) {
            mv.visitLdcInsn(Type.getObjectType(ctx.type.internalName));
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
        }
    }

    @Override
    public void visitLabel(Label label) {
        begin();
        super.visitLabel(label);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        begin();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitInsn(int opcode) {
        begin();
        if (opcode == Opcodes.MONITORENTER) {
            mv.visitInsn(Opcodes.DUP);
            super.visitInsn(opcode);
            push(mv, ctx.site());
            hook(mv, "lockAcquired", LOCK);
            return;
        }
        if (opcode == Opcodes.MONITOREXIT) {
            mv.visitInsn(Opcodes.DUP);
            push(mv, ctx.site());
            hook(mv, "lockReleasing", LOCK);
        } else if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            beforeReturn();
        }
        super.visitInsn(opcode);
    }

    private void beforeReturn() {
        if (classInit) {
            mv.visitLdcInsn(Type.getObjectType(ctx.type.internalName));
            hook(mv, "classInitialized", "(Ljava/lang/Class;)V");
        }
        if (synchronizedMethod) {
            pushMonitor();
            push(mv, ctx.site());
            hook(mv, "lockReleasing", LOCK);
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        begin();
        if (opcode == Opcodes.INVOKEVIRTUAL && "wait".equals(name) && !itf && isObjectWait(descriptor)) {
            push(mv, ctx.site());
            String bridge = "(Ljava/lang/Object;" + descriptor.substring(1, descriptor.indexOf(')')) + "I)V";
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, MethodContext.BRIDGES, "wait", bridge, false);
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
    }

    private static boolean isObjectWait(String descriptor) {
        return "()V".equals(descriptor) || "(J)V".equals(descriptor) || "(JI)V".equals(descriptor);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (synchronizedMethod && started) {
            super.visitLabel(handler);
            if (ctx.type.hasFrames()) {
                Object[] locals = ctx.isStatic() ? new Object[0] : new Object[] {ctx.type.internalName};
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            pushMonitor();
            push(mv, ctx.site());
            hook(mv, "lockReleasing", LOCK);
            mv.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    // Every other instruction kind starts the body too.
    @Override public void visitIntInsn(int opcode, int operand) { begin(); super.visitIntInsn(opcode, operand); }
    @Override public void visitVarInsn(int opcode, int var) { begin(); super.visitVarInsn(opcode, var); }
    @Override public void visitTypeInsn(int opcode, String type) { begin(); super.visitTypeInsn(opcode, type); }
    @Override public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        begin();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }
    @Override public void visitJumpInsn(int opcode, Label label) { begin(); super.visitJumpInsn(opcode, label); }
    @Override public void visitLdcInsn(Object value) { begin(); super.visitLdcInsn(value); }
    @Override public void visitIincInsn(int var, int increment) { begin(); super.visitIincInsn(var, increment); }
    @Override public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        begin();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }
    @Override public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        begin();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }
    @Override public void visitMultiANewArrayInsn(String descriptor, int dims) {
        begin();
        super.visitMultiANewArrayInsn(descriptor, dims);
    }
    @Override public void visitInvokeDynamicInsn(String name, String descriptor,
            org.objectweb.asm.Handle bsm, Object... args) {
        begin();
        super.visitInvokeDynamicInsn(name, descriptor, bsm, args);
    }
}
