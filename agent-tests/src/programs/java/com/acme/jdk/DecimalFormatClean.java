package com.acme.jdk;

import java.text.DecimalFormat;

/** {@link DecimalFormatRacy} with every {@code format} inside {@code synchronized (money)}. */
public final class DecimalFormatClean {

    public static void main(String[] args) throws Exception {
        DecimalFormat money = new DecimalFormat("#,##0.00");
        String[] last = new String[2];
        Workers.runTogether(() -> {
            for (int i = 0; i < 500; i++) {
                synchronized (money) {
                    last[0] = money.format(1234.5 + i);
                }
            }
        }, () -> {
            for (int i = 0; i < 500; i++) {
                synchronized (money) {
                    last[1] = money.format(0.25 * i);
                }
            }
        });
        if (!"1,733.50".equals(last[0]) || !"124.75".equals(last[1])) {
            throw new AssertionError(last[0] + " " + last[1]);
        }
    }
}
