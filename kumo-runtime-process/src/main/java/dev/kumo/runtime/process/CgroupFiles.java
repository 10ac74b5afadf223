package dev.kumo.runtime.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reading and writing the small text files of a cgroup directory. */
final class CgroupFiles {

    private CgroupFiles() {
    }

    /** Writes a value into a control file (one write, as the kernel wants). */
    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    /** The text of a file, empty if it cannot be read. */
    static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The pids listed in a {@code cgroup.procs} file; none if it is gone. */
    static List<Long> pids(Path dir) {
        List<Long> pids = new ArrayList<>();
        read(dir.resolve("cgroup.procs")).ifPresent(text -> text.lines().filter(line -> !line.isBlank())
                .forEach(line -> pids.add(Long.parseLong(line.strip()))));
        return pids;
    }

    /** The value of a {@code key value} line in a flat-keyed file such as memory.events. */
    static OptionalLong keyed(Path file, String key) {
        return read(file).flatMap(text -> text.lines().map(line -> line.split(" "))
                .filter(words -> words.length == 2 && words[0].equals(key)).findFirst())
                .map(words -> OptionalLong.of(Long.parseLong(words[1].strip()))).orElse(OptionalLong.empty());
    }
}
