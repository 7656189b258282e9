package dev.guarded.agent.internal.instrument;

import java.io.Serializable;

/** Instrumented with shadow words by {@link ShadowWordsTest}; each method is one bytecode shape. */
@SuppressWarnings("serial") // no serialVersionUID on purpose: ShadowWordsTest checks the default one is kept
public class WordSample implements Serializable {

    long count;
    double weight;
    protected int shared;
    private String label = "x";
    final int fixed = 7;
    volatile int flag;
    static int statics;

    public WordSample() {
        count = 1;
    }

    /** Loops and branches: every frame must carry the context local. */
    public long loop(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 1) == 0) {
                count += i;
            } else {
                weight = weight + 0.5;
            }
            sum += count;
        }
        try {
            shared++;
        } catch (RuntimeException e) {
            shared--;
        }
        return sum + fixed + flag + statics;
    }

    public synchronized String relabel(String next) {
        String old = label;
        label = next;
        return old;
    }

    /** Reads a field of another instance that may be null. */
    public static long countOf(WordSample other) {
        return other.count;
    }

    /** A nested class reads its outer class's private field directly (nestmates). */
    public String viaInner() {
        return new Inner().peek();
    }

    final class Inner {
        String peek() {
            return label;
        }
    }
}
