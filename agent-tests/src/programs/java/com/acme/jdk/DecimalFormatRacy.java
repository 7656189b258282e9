package com.acme.jdk;

import java.text.DecimalFormat;

/** Two threads format with one shared {@code DecimalFormat}, whose digit list is scratch space: {@code format} vs {@code format}. */
public final class DecimalFormatRacy {

    public static void main(String[] args) throws Exception {
        DecimalFormat money = new DecimalFormat("#,##0.00");
        int[] lengths = new int[2];
        Workers.runTogether(() -> {
            for (int i = 0; i < 500; i++) {
                lengths[0] += money.format(1234.5 + i).length();
            }
        }, () -> {
            for (int i = 0; i < 500; i++) {
                lengths[1] += money.format(0.25 * i).length();
            }
        });
        System.out.println("lengths " + lengths[0] + " " + lengths[1]);
    }
}
