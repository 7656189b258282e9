package com.example;

import dev.guarded.annotation.BenignRace;

/** Two intentional races, silenced differently: a file pattern for hash, the annotation for hits. */
public class Cache {
    int hash;

    @BenignRace("statistics only; a lost update is acceptable")
    int hits;

    public void touch() {
        hash++;
        hits++;
    }
}
