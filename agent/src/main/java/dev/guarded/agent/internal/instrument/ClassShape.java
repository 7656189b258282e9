package dev.guarded.agent.internal.instrument;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the instrumenter needs to know about a class without loading it: its declared fields with their
 * access flags, which fields are annotated {@code @BenignRace}, its supertypes and, for the class being
 * transformed, each method's original {@code max_locals} (fresh locals for spilling start there).
 */
final class ClassShape extends ClassVisitor {

    static final String BENIGN_RACE = "Ldev/guarded/annotation/BenignRace;";

    /** A class whose bytes could not be found: all its fields are treated as plain. */
    static final ClassShape UNKNOWN = new ClassShape();

    final Map<String, Integer> fieldAccess = new HashMap<>();
    final Set<String> benign = new HashSet<>();
    final Map<String, Integer> maxLocals = new HashMap<>();
    /**
     * For the class being transformed: per method ({@code name + descriptor}), the {@code owner.name} of every
     * GETFIELD/PUTFIELD in it, so that a method learns before its first instruction whether it will need the
     * thread's context for shadow words.
     */
    final Map<String, java.util.List<String[]>> instanceFieldRefs = new HashMap<>();
    /** For the class being transformed: the methods ({@code name + descriptor}) that load or store array elements. */
    final java.util.Set<String> arrayAccessors = new java.util.HashSet<>();
    /**
     * For the class being transformed, when redundant checks are to be found: per method
     * ({@code name + descriptor}), the recording {@link CheckElimination} analyses.
     */
    final Map<String, CheckElimination.Recorder> bodies = new HashMap<>();
    private boolean recordBodies;
    /** Members as the default {@code serialVersionUID} computation sees them (transformed class only). */
    final java.util.List<Member> fields = new java.util.ArrayList<>();
    final java.util.List<Member> methods = new java.util.ArrayList<>();
    /** Access flags of this class's own InnerClasses entry (what {@code Class.getModifiers} returns), or -1. */
    int innerAccess = -1;
    String name;
    String superName;
    String[] interfaces = new String[0];
    int version;
    int access;

    private ClassShape() {
        super(Opcodes.ASM9);
    }

    /** Parses fields and supertypes only (for classes the transformed code refers to). */
    static ClassShape ofReferenced(byte[] bytes) {
        ClassShape shape = new ClassShape();
        new ClassReader(bytes).accept(shape, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return shape;
    }

    /** Parses fields, supertypes and each method's max locals (for the class being transformed). */
    static ClassShape ofTransformed(byte[] bytes) {
        return ofTransformed(bytes, false);
    }

    /** As {@link #ofTransformed(byte[])}, also recording each method's body when {@code recordBodies}. */
    static ClassShape ofTransformed(byte[] bytes, boolean recordBodies) {
        ClassShape shape = new ClassShape();
        shape.recordBodies = recordBodies;
        new ClassReader(bytes).accept(shape, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return shape;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.version = version;
        this.access = access;
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces == null ? new String[0] : interfaces;
    }

    /** A field or method: name, descriptor and access flags. */
    record Member(String name, String descriptor, int access) {
    }

    @Override
    public void visitInnerClass(String innerName, String outerName, String simpleName, int innerFlags) {
        if (innerName.equals(name)) {
            innerAccess = innerFlags;
        }
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        fieldAccess.put(name, access);
        fields.add(new Member(name, descriptor, access));
        return new FieldVisitor(api) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                if (BENIGN_RACE.equals(annotation)) {
                    benign.add(name);
                }
                return null;
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        String key = name + descriptor;
        methods.add(new Member(name, descriptor, access));
        CheckElimination.Recorder body = null;
        if (recordBodies) {
            body = new CheckElimination.Recorder();
            bodies.put(key, body);
        }
        return new MethodVisitor(api, body) {
            @Override
            public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                if (opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD) {
                    instanceFieldRefs.computeIfAbsent(key, k -> new java.util.ArrayList<>())
                            .add(new String[] {owner, field});
                }
            }

            @Override
            public void visitInsn(int opcode) {
                super.visitInsn(opcode);
                if ((opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD)
                        || (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE)) {
                    arrayAccessors.add(key);
                }
            }

            @Override
            public void visitMaxs(int maxStack, int locals) {
                maxLocals.put(key, locals);
            }
        };
    }

    /** @return whether the class has a static initializer (whose end other threads' uses are ordered after) */
    boolean hasStaticInitializer() {
        return maxLocals.containsKey("<clinit>()V");
    }

    /** @return whether the class declares a {@code serialVersionUID} field */
    boolean declaresSerialVersion() {
        return fieldAccess.containsKey("serialVersionUID");
    }

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }
}
