package dev.guarded.agent.internal.instrument;

import java.util.List;

import dev.guarded.agent.internal.meta.Metadata;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one application class: a first pass learns its fields, each method's {@code max_locals} and the
 * instance fields each method accesses; the second pass declares the shadow words of the class's plain
 * instance fields ({@link ShadowWords}) and threads every method through {@link AccessVisitor},
 * {@link MonitorVisitor}, {@link VarHandleVisitor}, {@link UnsafeVisitor} and {@link JdkCallVisitor}. Frames are
 * read expanded and written as given ({@code COMPUTE_MAXS} only: computing frames would need to load classes); the one local the rewrite adds, the
 * thread context of methods that access words, is appended to every frame by {@link AccessVisitor}. The words
 * are the only members added and depend only on the original class file, so retransforming the class adds
 * exactly the same ones again.
 */
final class ClassInstrumenter extends ClassVisitor {

    private final ClassContext ctx;
    private final boolean declaresWords;
    /** Per method, its accesses to arrays confined to one thread (found when checks are eliminated). */
    private final java.util.Map<String, java.util.BitSet> confinedAccesses;
    private boolean anyWords;

    private ClassInstrumenter(ClassVisitor writer, ClassContext ctx) {
        super(Opcodes.ASM9, writer);
        this.ctx = ctx;
        this.declaresWords = ctx.words.classHasWords(ctx.shape);
        this.confinedAccesses = ctx.shape.bodies.isEmpty() ? java.util.Map.of() : ConfinedArrays.find(ctx.shape);
    }

    /**
     * @param eliminate whether the checks {@link CheckElimination} finds redundant are left out
     * @return the instrumented class file
     * @throws RuntimeException when the class cannot be rewritten (e.g. a method would exceed 64 KB)
     */
    static byte[] instrument(byte[] original, ClassLoader loader, FieldResolver resolver,
            java.util.function.Predicate<String> application, ShadowWords words, boolean eliminate) {
        ClassShape shape = ClassShape.ofTransformed(original, eliminate);
        ClassContext ctx = new ClassContext(shape, loader, resolver, application, words);
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassInstrumenter(writer, ctx), ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /**
     * The fallback when {@link #instrument} fails: the class gets its shadow words (classes that access its
     * fields rely on them) and nothing else, so it runs unwatched but links.
     *
     * @return the class file with words only, or null when the class has none
     */
    static byte[] wordsOnly(byte[] original, ShadowWords words) {
        ClassShape shape = ClassShape.ofTransformed(original);
        if (!words.classHasWords(shape)) {
            return null;
        }
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new WordDeclarer(writer, shape, words.declaresSyncSlot(shape)), 0);
        return writer.toByteArray();
    }

    /**
     * Class files older than Java 5 (major version below 49) cannot load a class constant with {@code ldc},
     * which the hooks need ({@code classUsed}, static monitors); they are raised to version 49. That is safe:
     * 49 still verifies by type inference (no stack map frames needed, {@code jsr}/{@code ret} allowed), and
     * nothing else an older compiler emits means something different in 49.
     */
    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        super.visit(withClassLiterals(version), access, name, signature, superName, interfaces);
    }

    /** @return {@code version}, or Java 5's (49) when it is older; minor versions of old files are dropped */
    static int withClassLiterals(int version) {
        int major = version & 0xFFFF;
        return major < Opcodes.V1_5 ? Opcodes.V1_5 : version;
    }

    @Override
    public void visitSource(String source, String debug) {
        ctx.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if (ctx.shape.benign.contains(name)) {
            Metadata.global().markBenign(ctx.dotName, name, descriptor, (access & Opcodes.ACC_STATIC) != 0);
        }
        FieldVisitor fv = super.visitField(access, name, descriptor, signature, value);
        if (declaresWords && ShadowWords.plainInstanceField(access)) {
            declareWords(cv, ctx.shape, access, name, descriptor);
            anyWords = true;
        }
        return fv;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return next;
        }
        String key = name + descriptor;
        int firstFree = ctx.shape.maxLocals.getOrDefault(key, 0);
        MethodContext method = new MethodContext(ctx, access, name, descriptor, firstFree, needsContext(key),
                redundantChecks(key));
        MethodVisitor calls = new UnsafeVisitor(new JdkCallVisitor(next, method), method);
        return new AccessVisitor(new MonitorVisitor(new VarHandleVisitor(calls, method), method), method);
    }

    @Override
    public void visitEnd() {
        if (anyWords) {
            finishWords(cv, ctx.shape);
        }
        if (ctx.words.declaresSyncSlot(ctx.shape)) {
            declareSyncSlot(cv);
        }
        super.visitEnd();
    }

    /**
     * @return whether the method accesses at least one instance field that has words, or (while words are
     *     on) an array element, whose shadow words the context's last-page cache answers
     */
    private boolean needsContext(String method) {
        if (ctx.words.enabled() && ctx.shape.arrayAccessors.contains(method)) {
            return true;
        }
        List<String[]> refs = ctx.shape.instanceFieldRefs.get(method);
        if (refs == null) {
            return false;
        }
        for (String[] ref : refs) {
            if (ctx.words.has(ctx.resolver.resolve(ctx.loader, ctx.shape, ref[0], ref[1]))) {
                return true;
            }
        }
        return false;
    }

    /** @return which of the method's access checks are left out or cover a read, or null when none are looked for */
    private CheckElimination.Plan redundantChecks(String method) {
        CheckElimination.Recorder body = ctx.shape.bodies.get(method);
        if (body == null) {
            return null;
        }
        CheckElimination.Fields fields = (owner, field, isStatic) -> {
            FieldResolver.Field f = ctx.resolver.resolve(ctx.loader, ctx.shape, owner, field);
            return f.isVolatile() || (isStatic && !f.declaringClass().equals(ctx.internalName));
        };
        CheckElimination.Plan plan = CheckElimination.redundant(body, ctx.internalName, fields);
        java.util.BitSet confined = confinedAccesses.get(method);
        plan = confined == null ? plan : plan.withConfined(confined);
        return ctx.words.enabled() && ctx.shape.arrayAccessors.contains(method)
                ? plan.withLoops(body, ctx.internalName, fields) : plan;
    }

    /** Declares the three words of one field and tells the detector that the field has them. */
    private static void declareWords(ClassVisitor cv, ClassShape shape, int access, String name, String descriptor) {
        int wordAccess = ShadowWords.wordAccess(access);
        for (String prefix : new String[] {ShadowWords.WRITE, ShadowWords.READ, ShadowWords.SITES}) {
            FieldVisitor word = cv.visitField(wordAccess, prefix + name, "J", null, null);
            if (word != null) {
                word.visitEnd();
            }
        }
        Metadata.global().markWords(Metadata.global().field(shape.name.replace('/', '.'), name, descriptor, false,
                shape.benign.contains(name)));
    }

    /** Declares the object's sync slot ({@link ShadowWords#SYNC}): private, transient, synthetic, as the words. */
    private static void declareSyncSlot(ClassVisitor cv) {
        FieldVisitor slot = cv.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC,
                ShadowWords.SYNC, "Ljava/lang/Object;", null, null);
        if (slot != null) {
            slot.visitEnd();
        }
    }

    /** Declares the class's side reference and pins its serial version, once its words are declared. */
    private static void finishWords(ClassVisitor cv, ClassShape shape) {
        FieldVisitor side = cv.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC,
                ShadowWords.SIDE, "Ljava/lang/Object;", null, null);
        if (side != null) {
            side.visitEnd();
        }
        Long uid = SerialVersion.pinFor(shape);
        if (uid != null) {
            FieldVisitor fv = cv.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL
                    | Opcodes.ACC_SYNTHETIC, "serialVersionUID", "J", null, uid);
            if (fv != null) {
                fv.visitEnd();
            }
        }
    }

    /** Adds the words of a class and nothing else ({@link #wordsOnly}). */
    private static final class WordDeclarer extends ClassVisitor {
        private final ClassShape shape;
        private final boolean syncSlot;
        private boolean any;

        WordDeclarer(ClassVisitor writer, ClassShape shape, boolean syncSlot) {
            super(Opcodes.ASM9, writer);
            this.shape = shape;
            this.syncSlot = syncSlot;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            FieldVisitor fv = super.visitField(access, name, descriptor, signature, value);
            if (ShadowWords.plainInstanceField(access)) {
                declareWords(cv, shape, access, name, descriptor);
                any = true;
            }
            return fv;
        }

        @Override
        public void visitEnd() {
            if (any) {
                finishWords(cv, shape);
            }
            if (syncSlot) {
                declareSyncSlot(cv);
            }
            super.visitEnd();
        }
    }
}
