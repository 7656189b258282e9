package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArgLineTest {
    @Test
    void existingAndLateArgumentsSurviveNextToTheAgent() throws ClassNotFoundException {
        assertEquals("kept", System.getProperty("guarded.it.early"), "the project's own argLine property");
        assertEquals("added", System.getProperty("guarded.it.late"), "surefire's <argLine> after @{argLine}");
        // Throws if the agent did not put its hook classes on the bootstrap class path.
        Class.forName("dev.guarded.agent.hook.RaceLog", false, null);
    }
}
