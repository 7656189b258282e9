package dev.guarded.agent.internal.instrument;

import java.util.HashMap;
import java.util.Map;

import dev.guarded.agent.internal.meta.CallSites;
import dev.guarded.agent.internal.meta.Metadata;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reports calls on the JDK's non-thread-safe objects at the application's call site, so that the JDK itself
 * stays uninstrumented: before an INVOKEVIRTUAL/INVOKEINTERFACE that {@link JdkCalls} classifies as a read
 * or a write, {@code Hooks.callRead/callWrite(receiver, site)}; after a call that returns a view or iterator
 * (and after {@code Collections.unmodifiableX}), {@code Hooks.callView(result, receiver)}. Whether the
 * receiver is a covered object is decided at run time from its class. A call without arguments only needs a
 * DUP; otherwise the arguments and receiver are spilled to fresh locals above the method's original
 * {@code max_locals} (as {@link VarHandleVisitor} does; the sequences never overlap), so no new frames are
 * needed. Each instrumented call gets its own site, which remembers the method's name for reports.
 */
final class JdkCallVisitor extends MethodVisitor {

    private final MethodContext ctx;
    private final Map<String, Integer> sites = new HashMap<>();
    private int line = -1;

    JdkCallVisitor(MethodVisitor next, MethodContext ctx) {
        super(Opcodes.ASM9, next);
        this.ctx = ctx;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        if (opcode == Opcodes.INVOKESTATIC && JdkCalls.unmodifiableView(owner, name, descriptor)) {
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, ctx.spillBase);
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            recordView();
            return;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && JdkCalls.threadLocalUse(owner, name, descriptor)) {
            if (descriptor.startsWith("()")) {
                mv.visitInsn(Opcodes.DUP);                 // get(), remove(): the receiver is on top
            } else {
                mv.visitInsn(Opcodes.SWAP);                // set(value): receiver, value -> value, receiver
                mv.visitInsn(Opcodes.DUP_X1);              // -> receiver, value, receiver
            }
            MethodContext.hook(mv, "threadLocalUsed", "(Ljava/lang/Object;)V");
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            return;
        }
        int kind = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE
                ? JdkCalls.kind(owner, name) : JdkCalls.NONE;
        if (kind == JdkCalls.NONE) {
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            return;
        }
        boolean view = JdkCalls.returnsView(name, descriptor);
        String hook = kind == JdkCalls.WRITE ? "callWrite" : "callRead";
        Type[] args = Type.getArgumentTypes(descriptor);
        if (args.length == 0) {
            mv.visitInsn(Opcodes.DUP);
            if (view) {
                mv.visitInsn(Opcodes.DUP);
                mv.visitVarInsn(Opcodes.ASTORE, ctx.spillBase);
            }
            MethodContext.push(mv, site(name));
            MethodContext.hook(mv, hook, "(Ljava/lang/Object;I)V");
        } else {
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
            mv.visitVarInsn(Opcodes.ALOAD, ctx.spillBase);
            MethodContext.push(mv, site(name));
            MethodContext.hook(mv, hook, "(Ljava/lang/Object;I)V");
            mv.visitVarInsn(Opcodes.ALOAD, ctx.spillBase);
            for (int i = 0; i < args.length; i++) {
                mv.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        if (view) {
            recordView();
        }
    }

    /** Stack: the call's result on top, the receiver in the first spill local; the result stays. */
    private void recordView() {
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ALOAD, ctx.spillBase);
        MethodContext.hook(mv, "callView", "(Ljava/lang/Object;Ljava/lang/Object;)V");
    }

    /** One site per (line, method called) within this method: the report names the callee. */
    private int site(String callee) {
        return sites.computeIfAbsent(line + ":" + callee, k -> CallSites.register(Metadata.global(),
                ctx.type.dotName, ctx.method, ctx.type.sourceFile, line, callee));
    }
}
