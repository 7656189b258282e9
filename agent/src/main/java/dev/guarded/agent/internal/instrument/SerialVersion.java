package dev.guarded.agent.internal.instrument;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.objectweb.asm.Opcodes;

/**
 * The default {@code serialVersionUID} of a class, computed from its original class file exactly as
 * {@code java.io.ObjectStreamClass} computes it from the loaded class (Java Object Serialization
 * Specification, section 4.6). Adding non-private shadow words would change that value; pinning the original
 * one keeps streams written without the agent readable with it, and the other way round.
 */
final class SerialVersion {

    private static final int CLASS_MASK = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE
            | Opcodes.ACC_ABSTRACT;
    private static final int FIELD_MASK = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED
            | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE | Opcodes.ACC_TRANSIENT;
    private static final int METHOD_MASK = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED
            | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE
            | Opcodes.ACC_ABSTRACT | Opcodes.ACC_STRICT;

    private SerialVersion() {
    }

    /**
     * @return the value to declare as {@code serialVersionUID}, or null when the class declares its own or
     *     serialization ignores it (enums and records always use 0)
     */
    static Long pinFor(ClassShape shape) {
        if (shape.declaresSerialVersion() || "java/lang/Enum".equals(shape.superName)
                || "java/lang/Record".equals(shape.superName)) {
            return null;
        }
        return compute(shape);
    }

    /** @return the default serial version of the class with this shape */
    static long compute(ClassShape shape) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(shape.name.replace('/', '.'));
            int classAccess = (shape.innerAccess >= 0 ? shape.innerAccess : shape.access) & CLASS_MASK;
            if ((classAccess & Opcodes.ACC_INTERFACE) != 0) {
                boolean hasMethods = shape.methods.stream().anyMatch(m -> !m.name().startsWith("<"));
                classAccess = hasMethods ? classAccess | Opcodes.ACC_ABSTRACT : classAccess & ~Opcodes.ACC_ABSTRACT;
            }
            out.writeInt(classAccess);
            String[] interfaces = Arrays.stream(shape.interfaces).map(i -> i.replace('/', '.')).sorted()
                    .toArray(String[]::new);
            for (String itf : interfaces) {
                out.writeUTF(itf);
            }
            List<ClassShape.Member> fields = new ArrayList<>(shape.fields);
            fields.sort(Comparator.comparing(ClassShape.Member::name));
            for (ClassShape.Member f : fields) {
                int mods = f.access() & FIELD_MASK;
                if ((mods & Opcodes.ACC_PRIVATE) == 0 || (mods & (Opcodes.ACC_STATIC | Opcodes.ACC_TRANSIENT)) == 0) {
                    out.writeUTF(f.name());
                    out.writeInt(mods);
                    out.writeUTF(f.descriptor());
                }
            }
            if (shape.hasStaticInitializer()) {
                out.writeUTF("<clinit>");
                out.writeInt(Opcodes.ACC_STATIC);
                out.writeUTF("()V");
            }
            List<ClassShape.Member> constructors = new ArrayList<>();
            List<ClassShape.Member> methods = new ArrayList<>();
            for (ClassShape.Member m : shape.methods) {
                if ("<init>".equals(m.name())) {
                    constructors.add(m);
                } else if (!"<clinit>".equals(m.name())) {
                    methods.add(m);
                }
            }
            constructors.sort(Comparator.comparing(ClassShape.Member::descriptor));
            methods.sort(Comparator.comparing(ClassShape.Member::name).thenComparing(ClassShape.Member::descriptor));
            writeMethods(out, constructors);
            writeMethods(out, methods);
            out.flush();
            byte[] hash = MessageDigest.getInstance("SHA").digest(bytes.toByteArray());
            long uid = 0;
            for (int i = Math.min(hash.length, 8) - 1; i >= 0; i--) {
                uid = (uid << 8) | (hash[i] & 0xFF);
            }
            return uid;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute the serial version of " + shape.name, e);
        }
    }

    private static void writeMethods(DataOutputStream out, List<ClassShape.Member> members) throws IOException {
        for (ClassShape.Member m : members) {
            int mods = m.access() & METHOD_MASK;
            if ((mods & Opcodes.ACC_PRIVATE) == 0) {
                out.writeUTF(m.name());
                out.writeInt(mods);
                out.writeUTF(m.descriptor().replace('/', '.'));
            }
        }
    }
}
