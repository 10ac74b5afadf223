package dev.kumo.cli.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code --data STRING|@FILE} value, as curl takes it: the text itself, or the bytes of the file after {@code @}. */
public final class DataArgument {

    private DataArgument() {
    }

    /** The bytes {@code value} stands for; an {@link IOException} names the file when it cannot be read. */
    public static byte[] bytes(String value) throws IOException {
        if (!value.startsWith("@")) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(value.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
