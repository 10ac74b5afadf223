package dev.kumo.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The effective uid and gid this server runs as, from {@code /proc/self/status}. */
record ServerUser(long uid, long gid) {

    static ServerUser current() {
        try {
            String status = Files.readString(Path.of("/proc/self/status"));
            return new ServerUser(effective(status, "Uid:"), effective(status, "Gid:"));
        } catch (IOException | RuntimeException e) {
            return ownerOfANewFile();
        }
    }

    // Without /proc (not Linux): a file this process creates belongs to its effective uid and gid.
    private static ServerUser ownerOfANewFile() {
        Path probe = null;
        try {
            probe = Files.createTempFile("kumo-uid", ".probe");
            return new ServerUser(((Number) Files.getAttribute(probe, "unix:uid")).longValue(),
                    ((Number) Files.getAttribute(probe, "unix:gid")).longValue());
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("finding the server's uid and gid: " + e, e);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // A stray empty temp file.
                }
            }
        }
    }

    boolean root() {
        return uid == 0;
    }

    private static long effective(String status, String key) {
        return status.lines().filter(line -> line.startsWith(key)).findFirst()
                .map(line -> Long.parseLong(line.substring(key.length()).strip().split("\\s+")[1]))
                .orElseThrow(() -> new IllegalStateException("no " + key + " line"));
    }
}
