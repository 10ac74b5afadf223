package dev.kumo.cli.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Manifests;
import dev.kumo.api.errors.ApiException;
import dev.kumo.cli.base.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands {@code -f} arguments into objects: a file (any name), a directory (its {@code .yaml}, {@code .yml} and
 * {@code .json} files, recursively, in path order) or {@code -} (stdin). Each file may hold JSON, several YAML
 * documents or a {@code kind: List}.
 */
public final class ManifestSources {

    public static final String STDIN = "-";

    private ManifestSources() {
    }

    /** Every object of every argument, in order. */
    public static List<Manifest> read(List<String> arguments, InputStream stdin) {
        List<Manifest> manifests = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals(STDIN)) {
                manifests.addAll(parse("<stdin>", readStdin(stdin)));
                continue;
            }
            for (Path file : files(Path.of(argument))) {
                manifests.addAll(parse(file.toString(), readFile(file)));
            }
        }
        return manifests;
    }

    /** The files an argument names: itself, or the manifests under a directory. */
    public static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new CliException("the path \"" + path + "\" does not exist");
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(ManifestSources::isManifestName).sorted().toList();
        } catch (IOException e) {
            throw new CliException("reading directory " + path + ": " + e.getMessage());
        }
    }

    private static boolean isManifestName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static List<Manifest> parse(String source, String text) {
        List<ObjectNode> objects;
        try {
            objects = Manifests.read(text);
        } catch (ApiException e) {
            throw new CliException(source + ": " + e.getMessage());
        }
        List<Manifest> manifests = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            manifests.add(new Manifest(source, i + 1, objects.get(i)));
        }
        return manifests;
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("reading " + file + ": " + e.getMessage());
        }
    }

    private static String readStdin(InputStream stdin) {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading stdin: " + e.getMessage(), e);
        }
    }
}
