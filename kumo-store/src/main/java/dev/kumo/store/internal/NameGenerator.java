package dev.kumo.store.internal;

import java.util.random.RandomGenerator;

/** The random suffix Kubernetes appends to {@code generateName}: five characters that never spell words. */
final class NameGenerator {

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    static final int LENGTH = 5;

    private final RandomGenerator random;

    NameGenerator(RandomGenerator random) {
        this.random = random;
    }

    String suffix() {
        StringBuilder suffix = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}
