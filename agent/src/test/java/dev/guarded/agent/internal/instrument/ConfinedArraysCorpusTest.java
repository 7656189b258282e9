package dev.guarded.agent.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.apache.commons.lang.StringUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.objectweb.asm.Opcodes;

/**
 * Runs the confined-array analysis over every class of three libraries it was not written for (commons-lang 2.6,
 * class files of Java 1.3; JUnit's engine; Lincheck, compiled by Kotlin) and checks what it can check without a
 * JVM: it never fails, and every access it leaves out is an array element access of its method (the ordinals it
 * names are the instrumenter's, which counts field and element accesses together). The instrumenter must then
 * rewrite each class with elimination on.
 */
class ConfinedArraysCorpusTest {

    private static final Set<Integer> ELEMENT_OPS = Set.of(Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD,
            Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE,
            Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
            Opcodes.SASTORE);
    private static final Set<Integer> FIELD_OPS = Set.of(Opcodes.GETFIELD, Opcodes.PUTFIELD, Opcodes.GETSTATIC,
            Opcodes.PUTSTATIC);

    @Test
    void leavesOutOnlyElementAccessesInLibrariesItWasNotWrittenFor() throws Exception {
        int classes = 0;
        int confined = 0;
        List<String> failures = new ArrayList<>();
        for (Class<?> anchor : List.of(StringUtils.class, ExtensionContext.class,
                Class.forName("org.jetbrains.kotlinx.lincheck.LinChecker"))) {
            Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : java.util.Collections.list(file.entries())) {
                    if (!entry.getName().endsWith(".class") || entry.getName().contains("module-info")) {
                        continue;
                    }
                    byte[] bytes;
                    try (InputStream in = file.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    classes++;
                    try {
                        confined += check(bytes, failures);
                        ClassInstrumenter.instrument(bytes, getClass().getClassLoader(), new FieldResolver(),
                                n -> true, ShadowWords.none(), true);
                    } catch (RuntimeException e) {
                        failures.add(entry.getName() + ": " + e);
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + classes + " classes: " + failures.subList(0, Math.min(10, failures.size())));
        }
        assertTrue(classes > 500, "the corpus was read: " + classes);
        assertTrue(confined > 0, "the analysis found confined accesses in the corpus (it can fail): " + confined);
    }

    /** @return the number of confined accesses in the class; adds a failure for one that is not an element access */
    private static int check(byte[] bytes, List<String> failures) {
        ClassShape shape = ClassShape.ofTransformed(bytes, true);
        int found = 0;
        for (Map.Entry<String, BitSet> m : ConfinedArrays.find(shape).entrySet()) {
            List<Integer> accessOps = new ArrayList<>();
            for (CheckElimination.Step s : shape.bodies.get(m.getKey()).steps()) {
                if (ELEMENT_OPS.contains(s.opcode()) || FIELD_OPS.contains(s.opcode())) {
                    accessOps.add(s.opcode());
                }
            }
            BitSet ordinals = m.getValue();
            for (int i = ordinals.nextSetBit(0); i >= 0; i = ordinals.nextSetBit(i + 1)) {
                found++;
                if (i >= accessOps.size() || !ELEMENT_OPS.contains(accessOps.get(i))) {
                    failures.add(shape.name + "." + m.getKey() + ": access " + i + " is not an element access");
                }
            }
        }
        return found;
    }
}
