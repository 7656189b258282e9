package com.acme.jdk;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * {@link MessageFormatClean} with both threads using the format at once: {@code format} vs
 * {@code applyPattern}, the second thread re-targets the format the first is using.
 */
public final class MessageFormatRacy {

    public static void main(String[] args) throws Exception {
        MessageFormat greeting = new MessageFormat("Hello, {0}!", Locale.ROOT);
        int[] odd = new int[1];
        Workers.runTogether(() -> {
            for (int i = 0; i < 500; i++) {
                if (!greeting.format(new Object[] {"world"}).startsWith("Hello")) {
                    odd[0]++;
                }
            }
        }, () -> {
            for (int i = 0; i < 500; i++) {
                greeting.applyPattern(i % 2 == 0 ? "Bye, {0}." : "Hello, {0}!");
            }
        });
        System.out.println("odd greetings " + odd[0]);
    }
}
