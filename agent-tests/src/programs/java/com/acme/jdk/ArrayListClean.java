package com.acme.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@link ArrayListRacy} with the list behind {@code Collections.synchronizedList}: every call holds its monitor. */
public final class ArrayListClean {

    public static void main(String[] args) throws Exception {
        List<Integer> list = Collections.synchronizedList(new ArrayList<>());
        Workers.runTogether(() -> {
            for (int i = 0; i < 1000; i++) {
                list.add(i);
            }
        }, () -> {
            for (int i = 0; i < 1000; i++) {
                list.add(-i);
            }
        });
        if (list.size() != 2000) {
            throw new AssertionError("size " + list.size());
        }
    }
}
