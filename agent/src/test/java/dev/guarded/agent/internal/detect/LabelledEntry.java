package dev.guarded.agent.internal.detect;

/** A weak-table entry that is its own value (as array shadows are), carrying a label the tests compare. */
final class LabelledEntry extends WeakIdentityTable.Entry<LabelledEntry> {

    final int label;

    LabelledEntry(Object key, int hash, int label) {
        super(key, hash);
        this.label = label;
    }
}
