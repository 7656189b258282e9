package com.acme.jdk;

import java.util.ArrayList;
import java.util.List;

/** Two threads add to one plain {@code ArrayList}: {@code add} vs {@code add}, elements may be lost. */
public final class ArrayListRacy {

    public static void main(String[] args) throws Exception {
        List<Integer> list = new ArrayList<>();
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                list.add(i);
            }
        }, () -> {
            for (int i = 0; i < 1000; i++) {
                list.add(-i);
            }
        });
        System.out.println("size " + list.size() + " (2000 expected)");
    }
}
