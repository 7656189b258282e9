package dev.guarded.agent.internal.model;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.guarded.agent.hook.Hooks;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Applies the model's rules and rewrites to JDK classes of the bootstrap loader, when they load and when
 * {@link JdkModel#install} retransforms the loaded ones. Plain ASM, one pass: a class no rule names is not
 * even parsed; a matched class is read once and written with its untouched methods copied as they are.
 *
 * <p>A rule may name a superclass; a class's superclasses are known from reflection when it is being
 * retransformed, and otherwise from its class file (the direct superclass) and the classes the model saw
 * before (every JDK class in scope loaded before installation, and every class it transformed since).
 *
 * <p>A transformation runs in an ignore region ({@link Hooks#ignoreBegin}): it may use concurrent maps the
 * model watches, and two threads that merely load classes must not be ordered by that. Any failure leaves
 * the class as it was, with one line saying that its synchronization is not seen.
 */
final class ModelTransformer implements ClassFileTransformer {

    /** The class of the hooks that advice calls. */
    static final String HOOKS = "dev/guarded/agent/hook/ModelHooks";

    private final List<Rule> rules;
    private final List<Rewrite> rewrites;
    private final Set<String> hookSignatures;
    /** The class matches of every rule and rewrite: whether the model may change a class at all. */
    private final ClassMatch[] allTypes;
    private final Map<String, String> superclasses = new ConcurrentHashMap<>();

    /**
     * @param rules          the model's rules, in application order
     * @param rewrites       the model's rewrites
     * @param hookSignatures name plus descriptor of every hook advice may call
     */
    ModelTransformer(List<Rule> rules, List<Rewrite> rewrites, Set<String> hookSignatures) {
        this.rules = rules;
        this.rewrites = rewrites;
        this.hookSignatures = hookSignatures;
        List<ClassMatch> types = new ArrayList<>();
        for (Rule rule : rules) {
            types.add(rule.types());
        }
        for (Rewrite rewrite : rewrites) {
            types.add(rewrite.types());
        }
        this.allTypes = types.toArray(new ClassMatch[0]);
    }

    /**
     * Records a loaded class's superclass, and says whether the model may change it.
     *
     * @param type a class loaded by the bootstrap loader
     * @return whether a rule or rewrite applies to the class
     */
    boolean learn(Class<?> type) {
        String name = internalName(type);
        if (!JdkModel.inScope(name)) {
            return false;
        }
        Class<?> parent = type.getSuperclass();
        if (parent != null) {
            superclasses.put(name, internalName(parent));
        }
        return matches(chain(name, type));
    }

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
            byte[] bytes) {
        if (loader != null || name == null || !JdkModel.inScope(name) || !mayApply(name)) {
            return null;
        }
        Hooks.ignoreBegin();
        try {
            return weave(name, redefined, bytes);
        } catch (Throwable e) {
            JdkModel.couldNotModel(name.replace('/', '.'), e);
            return null;
        } finally {
            Hooks.ignoreEnd();
        }
    }

    private boolean mayApply(String name) {
        for (ClassMatch types : allTypes) {
            if (types.mayMatch(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String[] chain) {
        for (ClassMatch types : allTypes) {
            if (types.matches(chain)) {
                return true;
            }
        }
        return false;
    }

    private byte[] weave(String name, Class<?> redefined, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        String parent = reader.getSuperName();
        if (parent != null) {
            superclasses.put(name, parent);
        }
        String[] chain = chain(name, redefined);
        List<Rule> classRules = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.types().matches(chain)) {
                classRules.add(rule);
            }
        }
        List<Rewrite> classRewrites = new ArrayList<>();
        for (Rewrite rewrite : rewrites) {
            if (rewrite.types().matches(chain)) {
                classRewrites.add(rewrite);
            }
        }
        if (classRules.isEmpty() && classRewrites.isEmpty()) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        ModelClassVisitor visitor = new ModelClassVisitor(writer, redefined, classRules, classRewrites);
        reader.accept(visitor, 0);
        return visitor.changed ? writer.toByteArray() : null;
    }

    /** The class's internal name, then its superclasses' as far as known. */
    private String[] chain(String name, Class<?> type) {
        List<String> chain = new ArrayList<>();
        chain.add(name);
        if (type != null) {
            for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
                chain.add(internalName(c));
            }
        } else {
            for (String c = superclasses.get(name); c != null && chain.size() < 64; c = superclasses.get(c)) {
                chain.add(c);
            }
        }
        return chain.toArray(new String[0]);
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    /** Weaves the advice and rewrites into each matched method; copies the others. */
    private final class ModelClassVisitor extends ClassVisitor {

        private final Class<?> redefined;
        private final List<Rule> classRules;
        private final List<Rewrite> classRewrites;
        private final Map<String, String> fields = new HashMap<>();
        private String owner;
        private boolean writeFrames;
        boolean changed;

        ModelClassVisitor(ClassVisitor next, Class<?> redefined, List<Rule> classRules,
                List<Rewrite> classRewrites) {
            super(Opcodes.ASM9, next);
            this.redefined = redefined;
            this.classRules = classRules;
            this.classRewrites = classRewrites;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            owner = name;
            writeFrames = (version & 0xFFFF) >= Opcodes.V1_6;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            fields.put(name, descriptor);
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return visitor;
            }
            List<Advice> advice = new ArrayList<>();
            Map<String, String> read = new HashMap<>();
            for (Rule rule : classRules) {
                if (rule.methods().matches(access, name, descriptor)) {
                    check(rule.advice().enter(), name, access, descriptor, false, read);
                    check(rule.advice().exit(), name, access, descriptor, true, read);
                    if (rule.advice().always() && name.equals("<init>")) {
                        throw new IllegalArgumentException("advice on every exit of a constructor");
                    }
                    advice.add(rule.advice());
                }
            }
            if (!advice.isEmpty()) {
                visitor = new AdviceWeaver(visitor, HOOKS, owner, name, access, descriptor, advice, read,
                        writeFrames);
                changed = true;
            }
            for (Rewrite rewrite : classRewrites) {
                if (rewrite.methods().matches(access, name, descriptor)) {
                    visitor = rewrite.kind().wrap(visitor, name);
                    changed = true;
                }
            }
            return visitor;
        }

        /** Fails unless the hook exists for this method's operands; resolves the fields it reads. */
        private void check(Advice.Call call, String name, int access, String descriptor, boolean exit,
                Map<String, String> read) {
            if (call == null) {
                return;
            }
            String hook = AdviceWeaver.descriptor(call, name, access, descriptor, exit);
            if (!hookSignatures.contains(call.hook() + hook)) {
                throw new IllegalArgumentException("no hook " + call.hook() + hook + " for " + name + descriptor);
            }
            for (Operand operand : call.operands()) {
                if (operand.kind() == Operand.Kind.FIELD) {
                    read.put(operand.field(), fieldDescriptor(operand.field()));
                }
            }
        }

        /** A reference field of the class or, when it is being retransformed, of a superclass. */
        private String fieldDescriptor(String field) {
            String descriptor = fields.get(field);
            for (Class<?> c = redefined == null ? null : redefined.getSuperclass(); descriptor == null && c != null;
                    c = c.getSuperclass()) {
                try {
                    descriptor = Type.getDescriptor(c.getDeclaredField(field).getType());
                } catch (NoSuchFieldException e) {
                    // not declared here: look further up
                }
            }
            if (descriptor == null || !(descriptor.startsWith("L") || descriptor.startsWith("["))) {
                throw new IllegalArgumentException("no reference field " + field + " in " + owner);
            }
            return descriptor;
        }
    }
}
