package dev.kumo.cli.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name kn gives the volume a {@code --mount PATH=cm:NAME} declares: the path made a DNS label ({@code /} and
 * other characters become {@code -}, letters lower case) followed by the first 4 bytes of the path's SHA-1, so that
 * {@code --mount PATH-} finds it again and a Service written by kn and by kumo names it alike.
 */
final class MountVolumeName {

    private static final int MAX_LENGTH = 63;

    private MountVolumeName() {
    }

    static String of(String path) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
                name.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                name.append(Character.toLowerCase(c));
            } else if (c != '/' || i != 0) {
                name.append('-');
            }
        }
        name.append('-').append(HexFormat.of().formatHex(sha1(path), 0, 4));
        if (!Character.isLetterOrDigit(name.charAt(0))) {
            name.insert(0, "k-");
        }
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH - 2) + "-n" : name.toString();
    }

    private static byte[] sha1(String path) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(path.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
