package dev.guarded.agent.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Inserts one method's advice as it passes on to the class writer: the entry hooks (in rule order) before
 * the first instruction, the exit hooks (in reverse rule order, so advice nests) before every return, and, for
 * advice whose exit runs always, a handler that runs those exit hooks for any throwable and rethrows it. The
 * handler covers the original code only, never the inserted calls, and comes last in the exception table, so
 * the method's own handlers keep precedence. No local variable is added: a returned value stays on the
 * stack below its copy, and the handler's frame lists only the parameters, which javac never reassigns to
 * another type. Nothing else of the method changes, so its other frames stay valid as they are.
 */
final class AdviceWeaver extends MethodVisitor {

    /**
     * Operand stack room the inserted calls may need above the method's own: a returned {@code long} and its
     * copy, then up to three operands, or an array being filled (array, array, index, value).
     */
    private static final int EXTRA_STACK = 10;

    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String THROWABLE = "java/lang/Throwable";

    private final String hooks;
    private final String owner;
    private final String method;
    private final int access;
    private final String methodDescriptor;
    private final boolean isStatic;
    private final Type[] parameters;
    private final Type returnType;
    private final List<Advice> advice;
    private final Map<String, String> fields;
    private final boolean writeFrames;
    private final boolean guarded;

    private Label rangeStart;
    private boolean rangeHasCode;
    private final List<Label> ranges = new ArrayList<>();

    /**
     * @param next        the visitor the woven code goes to
     * @param hooks       the internal name of the class whose static methods the advice calls
     * @param owner       the internal name of the advised class
     * @param method      the method's name
     * @param access      the method's flags
     * @param descriptor  the method's descriptor
     * @param advice      the advice, in rule order; checked by {@link #descriptor} first
     * @param fields      the descriptors of the fields the advice reads, by name
     * @param writeFrames whether the class has stack map frames (version 50 and later)
     */
    AdviceWeaver(MethodVisitor next, String hooks, String owner, String method, int access, String descriptor,
            List<Advice> advice, Map<String, String> fields, boolean writeFrames) {
        super(Opcodes.ASM9, next);
        this.hooks = hooks;
        this.owner = owner;
        this.method = method;
        this.access = access;
        this.methodDescriptor = descriptor;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.parameters = Type.getArgumentTypes(descriptor);
        this.returnType = Type.getReturnType(descriptor);
        this.advice = advice;
        this.fields = fields;
        this.writeFrames = writeFrames;
        boolean anyAlways = false;
        for (Advice a : advice) {
            anyAlways |= a.always() && a.exit() != null;
        }
        this.guarded = anyAlways;
    }

    /**
     * The descriptor of the hook that {@code call} invokes from a method, or an exception saying why the call
     * does not fit that method.
     *
     * @param call       the hook call
     * @param name       the advised method's name
     * @param access     its flags
     * @param descriptor its descriptor
     * @param exit       whether the call is made on exit
     */
    static String descriptor(Advice.Call call, String name, int access, String descriptor, boolean exit) {
        boolean noReceiver = (access & Opcodes.ACC_STATIC) != 0 || (!exit && name.equals("<init>"));
        Type[] parameters = Type.getArgumentTypes(descriptor);
        Type returned = Type.getReturnType(descriptor);
        StringBuilder hook = new StringBuilder("(");
        for (Operand operand : call.operands()) {
            switch (operand.kind()) {
                case THIS:
                case FIELD:
                    if (noReceiver) {
                        throw new IllegalArgumentException(call.hook() + " needs a receiver, which "
                                + name + descriptor + " has not here");
                    }
                    hook.append(OBJECT);
                    break;
                case ARGUMENT:
                    if (operand.index() >= parameters.length) {
                        throw new IllegalArgumentException(call.hook() + " needs argument " + operand.index()
                                + ", which " + name + descriptor + " has not");
                    }
                    hook.append(erased(parameters[operand.index()]));
                    break;
                case ALL_ARGUMENTS:
                    hook.append("[").append(OBJECT);
                    break;
                case RETURNED:
                    if (!exit || returned.getSort() == Type.VOID) {
                        throw new IllegalArgumentException(call.hook() + " needs a returned value, which "
                                + name + descriptor + " has not");
                    }
                    hook.append(erased(returned));
                    break;
                default:
                    if (!exit) {
                        throw new IllegalArgumentException(call.hook() + " needs an exit");
                    }
                    hook.append('L').append(THROWABLE).append(';');
                    break;
            }
        }
        return hook.append(")V").toString();
    }

    private static String erased(Type type) {
        int sort = type.getSort();
        return sort == Type.OBJECT || sort == Type.ARRAY ? OBJECT : type.getDescriptor();
    }

    @Override
    public void visitCode() {
        super.visitCode();
        for (Advice a : advice) {
            if (a.enter() != null) {
                call(a.enter(), false, false);
            }
        }
        openRange();
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            closeRange();
            for (int i = advice.size() - 1; i >= 0; i--) {
                if (advice.get(i).exit() != null) {
                    call(advice.get(i).exit(), true, false);
                }
            }
            super.visitInsn(opcode);
            openRange();
        } else {
            rangeHasCode = true;
            super.visitInsn(opcode);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        closeRange();
        if (!ranges.isEmpty()) {
            Label handler = new Label();
            super.visitLabel(handler);
            if (writeFrames) {
                Object[] locals = parameterFrame();
                super.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {THROWABLE});
            }
            for (int i = advice.size() - 1; i >= 0; i--) {
                Advice a = advice.get(i);
                if (a.always() && a.exit() != null) {
                    call(a.exit(), true, true);
                }
            }
            super.visitInsn(Opcodes.ATHROW);
            for (int i = 0; i < ranges.size(); i += 2) {
                super.visitTryCatchBlock(ranges.get(i), ranges.get(i + 1), handler, THROWABLE);
            }
        }
        super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
    }

    /** The frame's locals at the handler: the receiver and the parameters, as the method received them. */
    private Object[] parameterFrame() {
        List<Object> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(owner);
        }
        for (Type parameter : parameters) {
            switch (parameter.getSort()) {
                case Type.BOOLEAN:
                case Type.BYTE:
                case Type.CHAR:
                case Type.SHORT:
                case Type.INT:
                    locals.add(Opcodes.INTEGER);
                    break;
                case Type.FLOAT:
                    locals.add(Opcodes.FLOAT);
                    break;
                case Type.LONG:
                    locals.add(Opcodes.LONG);
                    break;
                case Type.DOUBLE:
                    locals.add(Opcodes.DOUBLE);
                    break;
                case Type.ARRAY:
                    locals.add(parameter.getDescriptor());
                    break;
                default:
                    locals.add(parameter.getInternalName());
                    break;
            }
        }
        return locals.toArray();
    }

    private void openRange() {
        if (guarded) {
            rangeStart = new Label();
            super.visitLabel(rangeStart);
            rangeHasCode = false;
        }
    }

    private void closeRange() {
        if (guarded && rangeStart != null) {
            if (rangeHasCode) {
                Label end = new Label();
                super.visitLabel(end);
                ranges.add(rangeStart);
                ranges.add(end);
            }
            rangeStart = null;
        }
    }

    /**
     * Pushes the call's operands and invokes its hook. On a normal exit the returned value is on the stack
     * and stays there, under its copy; in the handler the throwable is.
     */
    private void call(Advice.Call call, boolean exit, boolean throwing) {
        for (Operand operand : call.operands()) {
            switch (operand.kind()) {
                case THIS:
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    break;
                case FIELD:
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitFieldInsn(Opcodes.GETFIELD, owner, operand.field(), fields.get(operand.field()));
                    break;
                case ARGUMENT:
                    Type type = parameters[operand.index()];
                    super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot(operand.index()));
                    break;
                case ALL_ARGUMENTS:
                    pushArguments();
                    break;
                case RETURNED:
                    super.visitInsn(returnType.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
                    break;
                default:
                    super.visitInsn(throwing ? Opcodes.DUP : Opcodes.ACONST_NULL);
                    break;
            }
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, hooks, call.hook(),
                descriptor(call, method, access, methodDescriptor, exit), false);
    }

    /** An {@code Object[]} of the arguments, references only (primitive ones are left null: no hook needs them). */
    private void pushArguments() {
        pushInt(parameters.length);
        super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < parameters.length; i++) {
            int sort = parameters[i].getSort();
            if (sort == Type.OBJECT || sort == Type.ARRAY) {
                super.visitInsn(Opcodes.DUP);
                pushInt(i);
                super.visitVarInsn(Opcodes.ALOAD, slot(i));
                super.visitInsn(Opcodes.AASTORE);
            }
        }
    }

    private void pushInt(int value) {
        if (value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        }
    }

    private int slot(int parameter) {
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < parameter; i++) {
            slot += parameters[i].getSize();
        }
        return slot;
    }

    // Every other instruction is original code: it makes the current handler range non-empty.

    @Override
    public void visitIntInsn(int opcode, int operand) {
        rangeHasCode = true;
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        rangeHasCode = true;
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        rangeHasCode = true;
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
        rangeHasCode = true;
        super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
        rangeHasCode = true;
        super.visitMethodInsn(opcode, methodOwner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        rangeHasCode = true;
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        rangeHasCode = true;
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        rangeHasCode = true;
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        rangeHasCode = true;
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        rangeHasCode = true;
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        rangeHasCode = true;
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        rangeHasCode = true;
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }
}
