package dev.guarded.agent.internal.instrument;

/** A subclass that writes fields it inherits from {@link WordSample}, naming itself as the owner. */
public class WordSampleChild extends WordSample {

    long own;

    public long bump() {
        shared += 2;
        count++;
        own = count;
        return own;
    }
}
