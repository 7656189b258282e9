package dev.guarded.agent.internal.detect;

import dev.guarded.agent.internal.meta.Metadata;
import dev.guarded.options.AgentOptions;
import dev.guarded.report.Race;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Drives a private Detector with hand-built event sequences on simulated threads (unstarted Thread objects). */
final class Harness {

    final Metadata meta = new Metadata();
    final ByteArrayOutputStream text = new ByteArrayOutputStream();
    final Detector d;
    final RaceAnalysis a;
    final int field;
    final int readSite;
    final int writeSite;

    Harness(String options) {
        this(options, Detector.DEFAULT_REUSE_AFTER);
    }

    Harness(String options, int reuseAfter) {
        this(options, reuseAfter, 0);
    }

    Harness(String options, int reuseAfter, int quarantine) {
        d = new Detector(AgentOptions.parse(options), meta,
                new PrintStream(text, true, StandardCharsets.UTF_8), false, reuseAfter, quarantine);
        a = d.analysis();
        field = meta.field("com.acme.Counter", "value", "I", false, false);
        readSite = site(11);
        writeSite = site(12);
    }

    int site(int line) {
        return meta.site("com.acme.Counter", "increment", "Counter.java", line);
    }

    /** Simulated threads stay reachable, as running threads are: a collected Thread gives its slot back. */
    private final List<Thread> alive = new java.util.ArrayList<>();

    ThreadState thread(String name) {
        Thread t = new Thread(() -> { }, name);
        alive.add(t);
        return d.stateOf(t);
    }

    void read(ThreadState t, Object owner, int site) {
        a.access(t, a.shadow().field(owner, field), false, site, field, null);
    }

    void write(ThreadState t, Object owner, int site) {
        a.access(t, a.shadow().field(owner, field), true, site, field, null);
    }

    void read(ThreadState t, Object owner) {
        read(t, owner, readSite);
    }

    void write(ThreadState t, Object owner) {
        write(t, owner, writeSite);
    }

    List<Race> races() {
        return a.reporter().snapshot().races();
    }

    String output() {
        return text.toString(StandardCharsets.UTF_8);
    }
}
