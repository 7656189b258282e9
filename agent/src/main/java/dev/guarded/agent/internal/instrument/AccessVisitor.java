package dev.guarded.agent.internal.instrument;

import static dev.guarded.agent.internal.instrument.MethodContext.hook;
import static dev.guarded.agent.internal.instrument.MethodContext.push;

import java.util.ArrayList;
import java.util.List;

import dev.guarded.agent.internal.meta.Metadata;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reports field and array-element accesses: plain ones to {@code Hooks.read/write/arrayRead/arrayWrite}
 * before the access, volatile ones to {@code Hooks.volatileRead} after the read and {@code volatileWrite}
 * before the write. The detector orders a volatile instance field on its object's
 * {@code Bridges.FIELD_ATOMICS} channel, where VarHandle and updater operations on that object meet it.
 *
 * <p>Class initialization: the JVM blocks a thread inside the instruction that needs a class another thread
 * is initializing, so the acquire of the initializer's clock ({@code classUsed}) comes after that
 * instruction: after GETSTATIC/PUTSTATIC naming another class (for the class that declares the field, the one
 * the JVM initializes; the access hook then also comes after the instruction), and at the entry of static
 * methods and constructors of a class with a static initializer (which covers INVOKESTATIC, NEW, reflection
 * and the superclass constructors' chain). The operand stack is rearranged with DUP forms only, so no local
 * is needed and stack map frames stay valid. The element checks of range-checked loops ({@link LoopRanges}) go
 * to {@link LoopRangeWriter}, which places them at the loops' exits.
 */
final class AccessVisitor extends MethodVisitor {

    private static final String READ_WRITE = "(Ljava/lang/Object;II)V";
    private static final String VOLATILE = "(Ljava/lang/Object;I)V";
    private static final String CONTEXT = "dev/guarded/agent/hook/ThreadContext";
    private static final String WORD_CHECK = "(Ljava/lang/Object;JL" + CONTEXT + ";II)V";

    private final MethodContext ctx;
    /** In a constructor, fields of the uninitialized {@code this} are not visible to other threads yet. */
    private boolean beforeSuperCall;
    private int pendingNews;
    /** The number of the next field or array access, as {@link CheckElimination} numbers them. */
    private int accessOrdinal;
    /** The ordinal of the access whose check is being emitted (a write's check may stand for a read too). */
    private int checkOrdinal;
    /** Instructions visited so far, labels and frames not counted: {@link LoopRanges}' positions. */
    private int position;
    /** Moves the checks of range-checked loops to their exits. */
    private final LoopRangeWriter ranges;

    AccessVisitor(MethodVisitor next, MethodContext ctx) {
        super(Opcodes.ASM9, next);
        this.ctx = ctx;
        this.beforeSuperCall = "<init>".equals(ctx.method);
        this.ranges = new LoopRangeWriter(ctx);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        ctx.line(line);
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (ctx.contextLocal >= 0) {
            // Once per call, not per access: the context is the thread's (or its current task's) and cannot
            // change under a running method; what changes, its epoch, is read from it at each access.
            hook(mv, "context", "()L" + CONTEXT + ";");
            mv.visitVarInsn(Opcodes.ASTORE, ctx.contextLocal);
        }
        boolean entered = "<init>".equals(ctx.method) || (ctx.isStatic() && !"<clinit>".equals(ctx.method));
        if (entered && ctx.type.shape.hasStaticInitializer()) {
            // Running code of this class means its initialization finished (or runs on this very thread).
            classUsed(ctx.type.internalName);
        }
    }

    /**
     * The context local is live everywhere after entry, so every frame must declare it; a range-checked loop's
     * head also declares the loop's start index, live from there to the loop's range checks.
     */
    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (ctx.contextLocal < 0 || type != Opcodes.F_NEW) {
            super.visitFrame(type, numLocal, local, numStack, stack);
            return;
        }
        List<Object> locals = new ArrayList<>(numLocal + 2);
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            locals.add(local[i]);
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        for (; slots < ctx.contextLocal; slots++) {
            locals.add(Opcodes.TOP);
        }
        locals.add(CONTEXT);
        ranges.frame(locals, stack, numStack);
        super.visitFrame(type, locals.size(), locals.toArray(), numStack, stack);
    }

    @Override
    public void visitLabel(Label label) {
        ranges.beforeLabel(mv, position);
        super.visitLabel(label);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        int here = position++;
        super.visitJumpInsn(opcode, ranges.jumpTarget(here, label));
        ranges.afterJump(mv, here);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        position++;
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        position++;
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitLdcInsn(Object value) {
        position++;
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        position++;
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        position++;
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        position++;
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        position++;
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrap,
            Object... arguments) {
        position++;
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        position++;
        if (opcode == Opcodes.NEW) {
            pendingNews++;
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
        position++;
        if (opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name)) {
            if (pendingNews > 0) {
                pendingNews--;
            } else {
                beforeSuperCall = false;
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        if ((opcode == Opcodes.INVOKESPECIAL || opcode == Opcodes.INVOKEVIRTUAL) && "clone".equals(name)
                && "()Ljava/lang/Object;".equals(descriptor) && !owner.startsWith("[")) {
            // super.clone() or this.clone() may end in Object.clone, which copied the original's shadow words
            // too; an override that built the copy itself is reset harmlessly (same thread, same epoch).
            // Without words the detector records the copy's fields as written in its side tables.
            mv.visitInsn(Opcodes.DUP);
            push(mv, ctx.site());
            hook(mv, "cloned", "(Ljava/lang/Object;I)V");
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        position++;
        int ordinal = accessOrdinal++;
        checkOrdinal = ordinal;
        boolean isStatic = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
        FieldResolver.Field field = ctx.type.resolver.resolve(ctx.type.loader, ctx.type.shape, owner, name);
        String initialized = isStatic ? initializedBy(field.declaringClass()) : null;
        if (field.isIgnored() || name.startsWith("$jacoco") || (!isStatic && beforeSuperCall)) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            classUsed(initialized);
            return;
        }
        int id = Metadata.global().field(field.declaringClass().replace('/', '.'), name, descriptor, isStatic,
                field.benign());
        boolean wide = Type.getType(descriptor).getSize() == 2;
        if (!field.isVolatile() && !ctx.needsCheck(ordinal)) {
            super.visitFieldInsn(opcode, owner, name, descriptor);   // an earlier check in the region covers it
            classUsed(initialized);
        } else if (!isStatic && ctx.contextLocal >= 0 && ctx.type.words.has(field)) {
            wordAccess(opcode, owner, name, descriptor, id, wide);
        } else if (field.isVolatile()) {
            volatileAccess(opcode, owner, name, descriptor, id, wide, initialized);
        } else if (initialized != null) {
            super.visitFieldInsn(opcode, owner, name, descriptor);   // may wait for the initializer
            classUsed(initialized);
            mv.visitInsn(Opcodes.ACONST_NULL);
            push(mv, id);
            push(mv, ctx.site());
            hook(mv, opcode == Opcodes.GETSTATIC ? "read" : "write", READ_WRITE);
        } else {
            plainAccess(opcode, id, wide);
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }
    }

    /**
     * @return the class whose initialization a static access to a field declared in {@code declaring} waits
     *     for, when that is another application class (the current class is initialized while its code runs)
     */
    private String initializedBy(String declaring) {
        if (declaring.equals(ctx.type.internalName) || declaring.startsWith("[")
                || !ctx.type.application.test(declaring.replace('/', '.'))) {
            return null;
        }
        return declaring;
    }

    private void plainAccess(int opcode, int id, boolean wide) {
        switch (opcode) {
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC -> mv.visitInsn(Opcodes.ACONST_NULL);
            case Opcodes.GETFIELD -> mv.visitInsn(Opcodes.DUP);
            default -> ownerBelowValue(wide);
        }
        boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
        push(mv, id);
        push(mv, read ? ctx.site() : ctx.writeSite(checkOrdinal));
        hook(mv, read ? "read" : "write", READ_WRITE);
    }

    /**
     * A field with shadow words: the original instruction first (so a null owner fails exactly as before,
     * message included), then the word check on the owner kept below the value: the word of the access kind,
     * the method's context, the ids, and {@code Hooks.fieldRead/fieldWrite}, which C2 inlines down to a load
     * and a compare. No branch is added, so no frame is needed.
     */
    private void wordAccess(int opcode, String owner, String name, String descriptor, int id, boolean wide) {
        boolean read = opcode == Opcodes.GETFIELD;
        if (read) {
            mv.visitInsn(Opcodes.DUP);                      // owner owner
            super.visitFieldInsn(opcode, owner, name, descriptor);   // owner value
            if (wide) {
                mv.visitInsn(Opcodes.DUP2_X1);              // value owner value
                mv.visitInsn(Opcodes.POP2);                 // value owner
            } else {
                mv.visitInsn(Opcodes.SWAP);                 // value owner
            }
        } else {
            ownerBelowValue(wide);                          // owner value owner
            if (wide) {
                mv.visitInsn(Opcodes.DUP_X2);               // owner owner value owner
                mv.visitInsn(Opcodes.POP);                  // owner owner value
            } else {
                mv.visitInsn(Opcodes.SWAP);                 // owner owner value
            }
            super.visitFieldInsn(opcode, owner, name, descriptor);   // owner
        }
        mv.visitInsn(Opcodes.DUP);                          // [value] owner owner
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, (read ? ShadowWords.READ : ShadowWords.WRITE) + name, "J");
        mv.visitVarInsn(Opcodes.ALOAD, ctx.contextLocal);  // [value] owner word context
        push(mv, id);
        push(mv, read ? ctx.site() : ctx.writeSite(checkOrdinal));
        hook(mv, read ? "fieldRead" : "fieldWrite", WORD_CHECK);
    }

    private void volatileAccess(int opcode, String owner, String name, String descriptor, int id, boolean wide,
            String initialized) {
        switch (opcode) {
            case Opcodes.GETSTATIC -> {
                super.visitFieldInsn(opcode, owner, name, descriptor);
                classUsed(initialized);
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
                classUsed(initialized);
            }
            default -> {
                ownerBelowValue(wide);                                      // owner value owner
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
        position++;
        switch (opcode) {
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                 Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
                 Opcodes.CASTORE, Opcodes.SASTORE, Opcodes.LASTORE, Opcodes.DASTORE -> {
                checkOrdinal = accessOrdinal++;
                if (!ranges.moved(checkOrdinal, opcode >= Opcodes.IASTORE) && ctx.needsCheck(checkOrdinal)) {
                    elementCheck(opcode);
                }
            }
            default -> {
                // not an array access
            }
        }
        super.visitInsn(opcode);
    }

    /** Before an array load or store: the element hook on a copy of {@code array index}. */
    private void elementCheck(int opcode) {
        switch (opcode) {
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                 Opcodes.CALOAD, Opcodes.SALOAD -> {
                mv.visitInsn(Opcodes.DUP2);
                elementHook(false);
            }
            case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
                 Opcodes.SASTORE -> {
                mv.visitInsn(Opcodes.DUP_X2);    // value array index value
                mv.visitInsn(Opcodes.POP);       // value array index
                mv.visitInsn(Opcodes.DUP2_X1);   // array index value array index
                elementHook(true);
            }
            case Opcodes.LASTORE, Opcodes.DASTORE -> {
                mv.visitInsn(Opcodes.DUP2_X2);   // value array index value
                mv.visitInsn(Opcodes.POP2);      // value array index
                mv.visitInsn(Opcodes.DUP2_X2);   // array index value array index
                elementHook(true);
            }
            default -> throw new IllegalArgumentException("not an array access: " + opcode);
        }
    }

    /** With {@code array index} on the stack: the element hook, through the context's page cache when there is one. */
    private void elementHook(boolean write) {
        int site = write ? ctx.writeSite(checkOrdinal) : ctx.site();
        if (ctx.contextLocal >= 0) {
            mv.visitVarInsn(Opcodes.ALOAD, ctx.contextLocal);
            push(mv, site);
            hook(mv, write ? "elementWrite" : "elementRead", "(Ljava/lang/Object;IL" + CONTEXT + ";I)V");
        } else {
            push(mv, site);
            hook(mv, write ? "arrayWrite" : "arrayRead", READ_WRITE);
        }
    }

    /** Acquires the initialization of {@code type} (an internal name from {@link #initializedBy}), if any. */
    private void classUsed(String type) {
        if (type == null) {
            return;
        }
        mv.visitLdcInsn(Type.getObjectType(type));
        if (ctx.contextLocal >= 0) {
            mv.visitVarInsn(Opcodes.ALOAD, ctx.contextLocal);
            hook(mv, "classUsed", "(Ljava/lang/Class;L" + CONTEXT + ";)V");
        } else {
            hook(mv, "classUsed", "(Ljava/lang/Class;)V");
        }
    }
}
