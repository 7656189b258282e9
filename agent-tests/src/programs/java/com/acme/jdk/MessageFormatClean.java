package com.acme.jdk;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code MessageFormat} used by two threads in turn: the first configures and uses it, then hands it on
 * through a {@code CompletableFuture}; only the second uses it after that.
 */
public final class MessageFormatClean {

    public static void main(String[] args) throws Exception {
        CompletableFuture<MessageFormat> handOff = new CompletableFuture<>();
        String[] out = new String[2];
        Workers.runTogether(() -> {
            MessageFormat greeting = new MessageFormat("Hello, {0}!", Locale.ROOT);
            out[0] = greeting.format(new Object[] {"world"});
            greeting.applyPattern("Bye, {0}.");
            handOff.complete(greeting);
        }, () -> out[1] = handOff.join().format(new Object[] {"world"}));
        if (!"Hello, world!".equals(out[0]) || !"Bye, world.".equals(out[1])) {
            throw new AssertionError(out[0] + " " + out[1]);
        }
    }
}
