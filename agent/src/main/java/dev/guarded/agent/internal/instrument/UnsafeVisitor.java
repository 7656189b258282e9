package dev.guarded.agent.internal.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Treats {@code sun.misc.Unsafe} and {@code jdk.internal.misc.Unsafe} ordering accesses at call sites in
 * application code (JCTools, Netty, Agrona and Disruptor are application code) like the volatile and atomic
 * operations they stand for: {@code get*Volatile}/{@code get*Acquire} acquire after the call;
 * {@code put*Volatile}/{@code putOrdered*}/{@code put*Release} release before it; CAS, compare-and-exchange,
 * {@code getAndAdd*}/{@code getAndSet*}/{@code getAndBitwise*} acquire and release before and acquire after
 * (read-modify-writes acquire before they release, like the other atomics). Plain and opaque accesses, and
 * {@code *Plain} variants, order nothing and are left alone, as are the off-heap forms with no base object.
 *
 * <p>The key is the base object on the {@code Bridges.FIELD_ATOMICS} channel, the one volatile fields,
 * VarHandles and field updaters of that object use: an {@code Unsafe.putOrderedLong(this, OFFSET, v)} then
 * meets a plain read of the same volatile field. Arrays are keyed on the array as a whole, like VarHandle
 * array elements (per-element channels would grow one clock per slot of a ring buffer). The hooks
 * ({@code Hooks.unsafe*}) ignore a null base (an absolute address). Arguments are spilled to fresh locals
 * above the method's original {@code max_locals}, as in {@link VarHandleVisitor}: no stack juggling, no frames.
 */
final class UnsafeVisitor extends MethodVisitor {

    /** What an Unsafe method does to the happens-before order. */
    enum Ordering { NONE, ACQUIRE, RELEASE, READ_MODIFY_WRITE }

    private static final String SUN_UNSAFE = "sun/misc/Unsafe";
    private static final String JDK_UNSAFE = "jdk/internal/misc/Unsafe";
    /** Every on-heap access method takes the base object and the offset first. */
    private static final String ON_HEAP = "(Ljava/lang/Object;J";

    private final MethodContext ctx;

    UnsafeVisitor(MethodVisitor next, MethodContext ctx) {
        super(Opcodes.ASM9, next);
        this.ctx = ctx;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        Ordering ordering = opcode == Opcodes.INVOKEVIRTUAL && (SUN_UNSAFE.equals(owner) || JDK_UNSAFE.equals(owner))
                && descriptor.startsWith(ON_HEAP) ? ordering(name) : Ordering.NONE;
        if (ordering == Ordering.NONE) {
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
        int base = slots[0];
        if (ordering == Ordering.READ_MODIFY_WRITE) {
            hook(base, "unsafeAcquire");
        }
        if (ordering != Ordering.ACQUIRE) {
            hook(base, "unsafeRelease");
        }
        mv.visitVarInsn(Opcodes.ALOAD, ctx.spillBase);
        for (int i = 0; i < args.length; i++) {
            mv.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        if (ordering != Ordering.RELEASE) {
            hook(base, "unsafeAcquire");
        }
    }

    private void hook(int baseSlot, String name) {
        mv.visitVarInsn(Opcodes.ALOAD, baseSlot);
        MethodContext.hook(mv, name, "(Ljava/lang/Object;)V");
    }

    /** @return the ordering of the Unsafe method {@code name} (both Unsafe classes name them alike) */
    static Ordering ordering(String name) {
        if (name.endsWith("Plain") || name.endsWith("Opaque")) {
            return Ordering.NONE;
        }
        if (name.startsWith("compareAndSwap") || name.startsWith("compareAndSet")
                || name.startsWith("compareAndExchange") || name.startsWith("weakCompareAndSet")
                || name.startsWith("getAndAdd") || name.startsWith("getAndSet") || name.startsWith("getAndBitwise")) {
            return Ordering.READ_MODIFY_WRITE;
        }
        if (name.startsWith("get") && (name.endsWith("Volatile") || name.endsWith("Acquire"))) {
            return Ordering.ACQUIRE;
        }
        if (name.startsWith("putOrdered")
                || name.startsWith("put") && (name.endsWith("Volatile") || name.endsWith("Release"))) {
            return Ordering.RELEASE;
        }
        return Ordering.NONE;
    }
}
