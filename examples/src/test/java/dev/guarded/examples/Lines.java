package dev.guarded.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what an example prints, as lines. */
final class Lines {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** @return the stream to hand to the example */
    PrintStream out() {
        return out;
    }

    /** @return everything printed so far, one element per line */
    List<String> lines() {
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
