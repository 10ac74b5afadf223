package dev.kumo.runtime.process;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Instance ids in the style of pod names: the revision name and five random characters. */
final class InstanceIds {

    // Kubernetes' alphabet for generated names: no vowels (no words), no look-alikes.
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private InstanceIds() {
    }

    /** A new id such as {@code hello-00001-x7k2q}. */
    static String next(String revision) {
        StringBuilder id = new StringBuilder(revision).append('-');
        for (int i = 0; i < 5; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
