package dev.guarded.agent.internal.instrument;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Rewrites a sample class of this package, loads the result on its own, and counts the hook calls it emits. */
final class SampleRewrites {

    private SampleRewrites() {
    }

    /** @return the sample's class file as the instrumenter rewrites it, with or without elimination and words */
    static byte[] rewrite(String sample, boolean eliminate, boolean words) throws Exception {
        ShadowWords rule = words ? new ShadowWords(true, n -> n.startsWith(sample), Set.of()) : ShadowWords.none();
        return ClassInstrumenter.instrument(bytes(sample), SampleRewrites.class.getClassLoader(),
                new FieldResolver(), n -> n.equals(sample), rule, eliminate);
    }

    /** @return the rewritten sample, defined by a loader of its own (so the JVM verifies it) */
    static Class<?> load(String sample, byte[] rewritten) throws Exception {
        Map<String, byte[]> classes = new HashMap<>();
        classes.put(sample, rewritten);
        return new ClassInstrumenterTest.SingleClassLoader(classes).loadClass(sample);
    }

    static byte[] bytes(String className) throws Exception {
        try (InputStream in = SampleRewrites.class.getResourceAsStream(
                "/" + className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /**
     * @param methodKey maps a method's name to the key its calls count under
     * @return per key, the calls in the class file to the hooks named in {@code hooks}
     */
    static Map<String, Integer> hookCalls(byte[] classFile, Set<String> hooks, UnaryOperator<String> methodKey) {
        Map<String, Integer> counts = new HashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String key = methodKey.apply(name);
                return new MethodVisitor(api) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals(MethodContext.HOOKS) && hooks.contains(method)) {
                            counts.merge(key, 1, Integer::sum);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return counts;
    }
}
