package dev.kumo.dist;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Links the release's Java runtime from the JDK running the build: {@code jdeps --print-module-deps} over the
 * release's jars chooses the modules, {@code jlink} writes the image without debug symbols, headers or man pages,
 * with the JDK's CDS archive (the server's dynamic archive layers on it).
 *
 * <p>Arguments: the jars' directory, the image's directory (replaced).
 */
public final class RuntimeImage {

    private RuntimeImage() {
    }

    public static void main(String[] args) throws IOException {
        Path jars = Path.of(args[0]);
        Path image = Path.of(args[1]);
        List<String> modules = moduleDependencies(jars);
        deleteRecursively(image);
        run("jlink", "--add-modules", String.join(",", modules), "--output", image.toString(), "--strip-debug",
                "--no-header-files", "--no-man-pages", "--compress", "zip-6", "--generate-cds-archive");
        System.out.println("kumo-dist: linked " + image + " with " + String.join(",", modules));
    }

    /** The JDK modules the jars need, as jdeps prints them ("java.base,java.net.http,..."), read as one set. */
    static List<String> moduleDependencies(Path jars) throws IOException {
        List<String> paths;
        try (Stream<Path> files = Files.list(jars)) {
            paths = files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        }
        List<String> arguments = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps",
                "--multi-release", String.valueOf(Runtime.version().feature())));
        arguments.addAll(paths);
        String printed = run("jdeps", arguments.toArray(String[]::new)).strip();
        String last = printed.lines().reduce((first, second) -> second).orElse("");
        return List.of(last.split(","));
    }

    private static String run(String tool, String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                        "this JDK has no " + tool + "; build the release with a full JDK"))
                .run(new PrintWriter(out, true), new PrintWriter(err, true), arguments);
        if (code != 0) {
            throw new IllegalStateException(tool + " failed (" + code + "): " + err + out);
        }
        return out.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("deleting " + path, e);
                }
            });
        }
    }
}
