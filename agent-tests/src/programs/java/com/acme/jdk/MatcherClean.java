package com.acme.jdk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link MatcherRacy} with the shared, immutable {@code Pattern} and one {@code Matcher} per use. */
public final class MatcherClean {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public static void main(String[] args) throws Exception {
        int[] found = new int[2];
        Workers.runTogether(() -> {
            for (int i = 0; i < 500; i++) {
                Matcher m = DIGITS.matcher("a1b22c333");
                while (m.find()) {
                    found[0] += m.group().length();
                }
            }
        }, () -> {
            for (int i = 0; i < 500; i++) {
                Matcher m = DIGITS.matcher("x4444y");
                while (m.find()) {
                    found[1] += m.group().length();
                }
            }
        });
        if (found[0] != 3000 || found[1] != 2000) {
            throw new AssertionError(found[0] + " " + found[1]);
        }
    }
}
