package dev.kumo.build.java;

import java.nio.file.Path;
import java.util.List;

/**
 * A compiled application as the image holds it: its layers in order (what changes most often last), the
 * class path inside the image and the main class.
 */
record AppLayout(List<Layer> layers, String classPath, String mainClass) {

    AppLayout {
        layers = List.copyOf(layers);
    }

    /** A file or directory {@code from} on the host, copied to {@code to} in the image as layer {@code name}. */
    record Layer(String name, Path from, String to) {}
}
