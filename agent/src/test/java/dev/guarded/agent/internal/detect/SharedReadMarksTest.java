package dev.guarded.agent.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guarded.agent.hook.Hooks;
import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.options.AgentOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * A field read by several threads at once keeps a read mark in its read word; a thread that read it in its
 * current epoch answers its further reads inline ({@link Hooks#sharedReadKnown}) until a write ends the
 * mark's spell. The rule must be FastTrack's read-shared same-epoch rule exactly: after another thread's write
 * and a new spell of shared reads, the same thread, still in the same epoch, must reach the detector again.
 */
class SharedReadMarksTest {

    private final Metadata meta = new Metadata();
    private final int field = meta.field(WordsDifferentialTest.Cell.class.getName(), "a", "I", false, false);
    private final int site = meta.site("com.acme.Program", "step", "Program.java", 10);
    private final int laterSite = meta.site("com.acme.Program", "step", "Program.java", 20);
    private final RaceAnalysis analysis;

    SharedReadMarksTest() {
        meta.markWords(field);
        analysis = new Detector(AgentOptions.parse("quiet"), meta, new PrintStream(new ByteArrayOutputStream()),
                false, Detector.DEFAULT_REUSE_AFTER).analysis();
    }

    @Test
    void aSharedReadIsAnsweredInlineUntilAWriteEndsTheSpell() {
        ThreadState main = analysis.registry().stateOf(new Thread(() -> { }, "main"));
        WordsDifferentialTest.Cell cell = new WordsDifferentialTest.Cell();
        analysis.wordAccess(main, cell, field, site, true);
        ThreadState reader = analysis.threadStarting(main, new Thread(() -> { }, "reader"));
        ThreadState other = analysis.threadStarting(main, new Thread(() -> { }, "other"));
        ThreadState writer = analysis.threadStarting(main, new Thread(() -> { }, "writer"));

        analysis.wordAccess(reader, cell, field, site, false);
        assertFalse(Hooks.sharedReadKnown(cell.guarded$r$a, reader), "one reader: its epoch is the read word");
        analysis.wordAccess(other, cell, field, site, false);
        long mark = cell.guarded$r$a;
        assertTrue(WordShadow.shared(mark), "two concurrent readers share the field");
        assertTrue(Hooks.sharedReadKnown(mark, other), "the reader that made the spell noted it");
        analysis.wordAccess(reader, cell, field, site, false);
        assertTrue(Hooks.sharedReadKnown(mark, reader), "a reader noted it at its next read in the epoch");
        assertFalse(Hooks.sharedReadKnown(mark, writer), "a thread that did not read it in this spell");

        analysis.wordAccess(writer, cell, field, site, true);   // races with both reads; ends the spell
        int reports = analysis.reporter().snapshot().races().size();
        analysis.wordAccess(writer, cell, field, site, false);
        analysis.wordAccess(other, cell, field, site, false);
        long next = cell.guarded$r$a;
        assertTrue(WordShadow.shared(next), "a new spell of shared reads");
        assertNotEquals(mark, next, "each spell has a mark of its own");
        assertFalse(Hooks.sharedReadKnown(next, reader),
                "the reader is still in the epoch of its earlier reads, but the write came after them");
        analysis.wordAccess(reader, cell, field, laterSite, false);
        assertEquals(reports + 1, analysis.reporter().snapshot().races().size(),
                "the reader's read after the unordered write is checked, and races with it");
    }

    @Test
    void aReleaseEndsTheEpochTheNotesHoldFor() {
        ThreadState main = analysis.registry().stateOf(new Thread(() -> { }, "main"));
        WordsDifferentialTest.Cell cell = new WordsDifferentialTest.Cell();
        ThreadState reader = analysis.threadStarting(main, new Thread(() -> { }, "reader"));
        analysis.wordAccess(main, cell, field, site, false);
        analysis.wordAccess(reader, cell, field, site, false);
        long mark = cell.guarded$r$a;
        assertTrue(Hooks.sharedReadKnown(mark, reader));
        analysis.release(reader, new Object(), 0);
        assertFalse(Hooks.sharedReadKnown(mark, reader), "a new epoch: its first read must be recorded");
    }
}
