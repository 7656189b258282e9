package com.acme.stale;

/** A value behind a setter and a getter, as {@link ReadBackClean} and {@link ReadBackRacy} use it. */
final class Register {

    private int value;

    void store(int v) {
        value = v;
    }

    int load() {
        return value;
    }
}
