package dev.guarded.agent.internal.model;

import java.util.concurrent.CompletableFuture;

import dev.guarded.agent.hook.Bridges;
import dev.guarded.agent.hook.Hooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * CompletableFuture dependents. Completion and observation of a future itself use {@link ThisAdvice}; here a
 * dependent stage acquires its sources before its action runs: {@code tryFire} of the JDK's completion
 * objects acquires {@code src} (and {@code snd} for two-source stages), and the {@code xxxStage} methods,
 * which may run the action at once when the source is already complete, acquire the receiver and the other
 * stage. A source that completes while such a method runs is acquired where the method reads its result
 * ({@link ResultReads}), which is what decides that the action runs.
 */
final class CompletableFutureAdvice {

    private CompletableFutureAdvice() {
    }

    /**
     * {@code UniCompletion.tryFire}: the dependent stage runs as a logical thread of its own, whichever thread
     * fires it (the completing one, the registering one, an executor's): it starts from the registration
     * (released when the completion object was constructed) and the source's completion; what it
     * publishes is its dependent future's completion.
     */
    static final class UniFire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self, @Advice.FieldValue("src") Object src) {
            Hooks.taskBegin(self, null, false);
            if (src != null) {
                Hooks.acquire(src);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.taskEnd(self);
        }
    }

    /** {@code BiCompletion.tryFire}: as {@link UniFire}, with both sources. */
    static final class BiFire {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self, @Advice.FieldValue("src") Object src,
                @Advice.FieldValue("snd") Object snd) {
            Hooks.taskBegin(self, null, false);
            if (src != null) {
                Hooks.acquire(src);
            }
            if (snd != null) {
                Hooks.acquire(snd);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This Object self) {
            Hooks.taskEnd(self);
        }
    }

    /**
     * {@code uniXxxStage/biXxxStage/orXxxStage}: the receiver and any other future argument, as complete on
     * entry. A source that completes later in the call is acquired where its result is read
     * ({@link ResultReads}).
     */
    static final class Stage {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object self, @Advice.AllArguments Object[] args) {
            Hooks.acquire(self);
            for (Object arg : args) {
                if (arg instanceof CompletableFuture) {
                    Hooks.acquire(arg);
                }
            }
        }
    }

    /**
     * Rewrites every read of the {@code result} field in the JDK's {@code CompletableFuture} code so that a
     * non-null result acquires its future right after the read ({@link Bridges#resultRead}). That read is
     * where a stage learns that a source completed: the xxxStage methods run the function at once in the
     * caller when they read both results non-null, {@code tryFire} runs it when it reads them, and
     * {@code anyOf}/{@code allOf} and the relays pass a read result on. Acquiring on entry of these methods
     * misses a source that completes between the entry and the read. The rewrite keeps the future below the
     * value ({@code DUP; GETFIELD result; SWAP; INVOKESTATIC resultRead}), one more stack slot.
     */
    static final class ResultReads implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {

        private static final String FUTURE = "java/util/concurrent/CompletableFuture";

        @Override
        public MethodVisitor wrap(TypeDescription type, MethodDescription method, MethodVisitor visitor,
                Implementation.Context context, TypePool pool, int writerFlags, int readerFlags) {
            return new MethodVisitor(Opcodes.ASM9, visitor) {
                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    if (opcode == Opcodes.GETFIELD && owner.equals(FUTURE) && name.equals("result")
                            && descriptor.equals("Ljava/lang/Object;")) {
                        super.visitInsn(Opcodes.DUP);
                        super.visitFieldInsn(opcode, owner, name, descriptor);
                        super.visitInsn(Opcodes.SWAP);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/guarded/agent/hook/Bridges", "resultRead",
                                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", false);
                    } else {
                        super.visitFieldInsn(opcode, owner, name, descriptor);
                    }
                }

                @Override
                public void visitMaxs(int maxStack, int maxLocals) {
                    super.visitMaxs(maxStack + 1, maxLocals);
                }
            };
        }
    }
}
