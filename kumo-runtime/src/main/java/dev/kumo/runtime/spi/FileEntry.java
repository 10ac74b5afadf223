package dev.kumo.runtime.spi;

import java.util.Arrays;

/** One file of a {@link VolumeSpec.Files} volume: its content and its permission bits (e.g. {@code 0400}). */
public record FileEntry(byte[] data, int mode) {

    /** Kubernetes' default mode of a Secret's files ({@code 0644} is a ConfigMap's). */
    public static final int SECRET_MODE = 0400;
    /** Kubernetes' default mode of a ConfigMap's files. */
    public static final int CONFIG_MAP_MODE = 0644;

    public FileEntry {
        data = data.clone();
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException("file mode must be between 0 and 0777, got 0" + Integer.toOctalString(mode));
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileEntry that && mode == that.mode && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + mode;
    }

    /** Says the size and mode, never the content (a Secret's). */
    @Override
    public String toString() {
        return "FileEntry[" + data.length + " bytes, mode 0" + Integer.toOctalString(mode) + "]";
    }
}
