package dev.guarded.agent.internal.model;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A rewrite of instructions inside JDK methods, for synchronization that happens in the middle of a method,
 * where entry and exit advice come too early or too late. Each rewrite keeps the stack's shape (the bridges
 * take the operands of the instruction they replace and leave its result), so frames do not change.
 *
 * @param types   the JDK classes whose methods are rewritten
 * @param methods which of their methods
 * @param kind    the rewrite
 */
record Rewrite(ClassMatch types, MethodMatch methods, Kind kind) {

    private static final String BRIDGES = "dev/guarded/agent/hook/Bridges";

    /** The rewrites. */
    enum Kind {

        /**
         * Key comparisons inside a concurrent map's code: {@code Object.equals(Object)} calls become
         * {@code Bridges.storedKeyEquals}, {@code Comparable.compareTo} and {@code Comparator.compare} calls
         * become {@code Bridges.storedKeyCompare}, which acquire what the insertion of the stored key released
         * and then make the original call. The acquire must be where the map compares, not on entry of the
         * lookup: a key inserted by another thread after the lookup started is still met and compared by it.
         * The comparisons of every path are covered this way (get, containsKey, putIfAbsent, compute*, the
         * forwarding nodes of a resize, tree bins, skip-list searches). In {@code merge} the acquire is an
         * incidental edge ({@code Bridges.storedKeyEqualsIncidental}), as merge's others are.
         */
        KEY_COMPARISONS {
            @Override
            MethodVisitor wrap(MethodVisitor visitor, String method) {
                String equalsBridge = method.equals("merge") ? "storedKeyEqualsIncidental" : "storedKeyEquals";
                return new MethodVisitor(Opcodes.ASM9, visitor) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                            boolean isInterface) {
                        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Object")
                                && name.equals("equals") && descriptor.equals("(Ljava/lang/Object;)Z")) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGES, equalsBridge,
                                    "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
                        } else if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/lang/Comparable")
                                && name.equals("compareTo") && descriptor.equals("(Ljava/lang/Object;)I")) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGES, "storedKeyCompare",
                                    "(Ljava/lang/Object;Ljava/lang/Object;)I", false);
                        } else if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/util/Comparator")
                                && name.equals("compare")
                                && descriptor.equals("(Ljava/lang/Object;Ljava/lang/Object;)I")) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGES, "storedKeyCompare",
                                    "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)I", false);
                        } else {
                            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                        }
                    }
                };
            }
        },

        /**
         * Every read of {@code CompletableFuture.result} in the JDK's {@code CompletableFuture} code: a non-null
         * result acquires its future right after the read ({@code Bridges.resultRead}). That read is where a
         * stage learns that a source completed: the xxxStage methods run the function at once in the caller
         * when they read both results non-null, {@code tryFire} runs it when it reads them, and
         * {@code anyOf}/{@code allOf} and the relays pass a read result on. Acquiring on entry of these methods
         * misses a source that completes between the entry and the read. The rewrite keeps the future below
         * the value ({@code DUP; GETFIELD result; SWAP; INVOKESTATIC resultRead}), one more stack slot.
         */
        RESULT_READS {
            private static final String FUTURE = "java/util/concurrent/CompletableFuture";

            @Override
            MethodVisitor wrap(MethodVisitor visitor, String method) {
                return new MethodVisitor(Opcodes.ASM9, visitor) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                        if (opcode == Opcodes.GETFIELD && owner.equals(FUTURE) && name.equals("result")
                                && descriptor.equals("Ljava/lang/Object;")) {
                            super.visitInsn(Opcodes.DUP);
                            super.visitFieldInsn(opcode, owner, name, descriptor);
                            super.visitInsn(Opcodes.SWAP);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGES, "resultRead",
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
        };

        /**
         * @param visitor the next visitor of the method's code
         * @param method  the method's name
         * @return a visitor that rewrites the method's code on its way to {@code visitor}
         */
        abstract MethodVisitor wrap(MethodVisitor visitor, String method);
    }
}
