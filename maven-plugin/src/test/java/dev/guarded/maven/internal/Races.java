package dev.guarded.maven.internal;

import dev.guarded.report.Access;
import dev.guarded.report.Frame;
import dev.guarded.report.Race;
import java.util.List;

/** Builds report model objects for tests. */
final class Races {

    private Races() {
    }

    static Race race(String field, boolean suppressed, int writeLine, int readLine) {
        String owner = field.substring(0, field.lastIndexOf('.'));
        String file = owner.substring(owner.lastIndexOf('.') + 1) + ".java";
        return new Race(Race.DATA_RACE, field, suppressed, List.of(
                new Access("write", "worker-2", List.of(), List.of(new Frame(owner, "increment", file, writeLine),
                        new Frame("com.acme.CounterTest", "lambda$run$0", "CounterTest.java", 30)),
                        List.of(new Frame("com.acme.CounterTest", "run", "CounterTest.java", 35))),
                new Access("read", "worker-1", List.of("java.lang.Object@1b6d3586"), List.of(new Frame(owner, "increment", file, readLine)),
                        List.of())));
    }
}
