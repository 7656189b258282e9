package com.acme.jdk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two threads share one {@code Matcher}: each {@code reset}s it to its own input and calls {@code find},
 * moving the other's position and groups ({@code reset}/{@code find} vs {@code find}/{@code group}).
 */
public final class MatcherRacy {

    public static void main(String[] args) throws Exception {
        Matcher digits = Pattern.compile("[0-9]+").matcher("");
        int[] found = new int[2];
        Workers.runTogether(() -> {
            for (int i = 0; i < 500; i++) {
                digits.reset("a1b22c333");
                while (digits.find()) {
                    found[0] += digits.group().length();
                }
            }
        }, () -> {
            for (int i = 0; i < 500; i++) {
                digits.reset("x4444y");
                while (digits.find()) {
                    found[1] += digits.group().length();
                }
            }
        });
        System.out.println("found " + found[0] + " " + found[1]);
    }
}
