package dev.guarded.agent.internal.instrument;

/** A subclass that writes fields it inherits from {@link WordSample}, naming itself as the owner. */
@SuppressWarnings("serial") // no serialVersionUID on purpose: ShadowWordsTest checks the default one is kept
public class WordSampleChild extends WordSample {

    long own;

    public long bump() {
        shared += 2;
        count++;
        own = count;
        return own;
    }
}
