package dev.guarded.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArgLineTest {

    @Test
    void plainPathIsNotQuoted() {
        assertEquals("-javaagent:/m2/guarded-agent.jar=report=r.json", ArgLine.javaagent("/m2/guarded-agent.jar", "report=r.json"));
        assertEquals("-javaagent:/m2/guarded-agent.jar", ArgLine.javaagent("/m2/guarded-agent.jar", ""));
    }

    @Test
    void pathWithSpacesIsQuotedWhole() {
        assertEquals("\"-javaagent:/my repo/guarded-agent.jar=report=/my project/r.json\"",
                ArgLine.javaagent("/my repo/guarded-agent.jar", "report=/my project/r.json"));
    }

    @Test
    void doubleQuoteIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ArgLine.javaagent("/a\"b.jar", ""));
    }

    @Test
    void prependsAndKeepsTheExistingValue() {
        assertEquals("-javaagent:a.jar", ArgLine.prepend("-javaagent:a.jar", null));
        assertEquals("-javaagent:a.jar", ArgLine.prepend("-javaagent:a.jar", "  "));
        assertEquals("-javaagent:a.jar -Xmx1g -Dx=y", ArgLine.prepend("-javaagent:a.jar", " -Xmx1g -Dx=y "));
    }

    @Test
    void runningTwiceDoesNotAddTheAgentTwice() {
        String once = ArgLine.prepend("-javaagent:a.jar", "-Xmx1g");
        assertEquals(once, ArgLine.prepend("-javaagent:a.jar", once));
    }
}
