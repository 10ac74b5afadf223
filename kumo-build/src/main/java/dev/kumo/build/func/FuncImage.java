package dev.kumo.build.func;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.FilePermissionsProvider;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.kumo.build.java.StepFailed;
import dev.kumo.build.spi.BuildOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * The image, written by Jib from scratch as an OCI archive: the interpreter's base, then the program's directory at
 * {@link #APP}, so an edit touches only the last layer. Reproducible: fixed timestamps, a sorted environment and each
 * file's own permissions.
 */
final class FuncImage {

    /** Where the program's directory is in the image, and its working directory. */
    static final String APP = "/app";

    private static final FilePermissionsProvider OWN_PERMISSIONS = (source, target) -> {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(source));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the permissions of " + source, e);
        }
    };

    private FuncImage() {
    }

    /** The entrypoint running {@code main} (a file of the program's directory) with the base's interpreter. */
    static List<String> entrypoint(Interpreter interpreter, String main) {
        List<String> command = new ArrayList<>(List.of(interpreter.executable().toString()));
        if (interpreter.language().equals("python")) {
            command.add("-u"); // unbuffered: the log shows each line as it is printed
        }
        command.add(APP + "/" + main);
        return command;
    }

    /** The image's environment: the interpreter's directory on PATH, the serving port, a UTF-8 locale. */
    static Map<String, String> environment(Interpreter interpreter) {
        Set<String> path = new LinkedHashSet<>(List.of(interpreter.executable().getParent().toString(), "/usr/bin",
                "/bin"));
        Map<String, String> env = new TreeMap<>(Map.of("PATH", String.join(":", path), "PORT", "8080", "LANG",
                "C.UTF-8"));
        if (interpreter.language().equals("python")) {
            env.put("PYTHONDONTWRITEBYTECODE", "1");
        }
        return env;
    }

    /** Writes the image named {@code image} to {@code tar}; returns what Jib made. */
    static JibContainer write(InterpreterBase base, Path app, String main, String image, Path tar, Path layersCache,
            BuildOutput output) throws InterruptedException {
        try {
            FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("base");
            try (Stream<Path> children = Files.list(base.root())) {
                for (Path child : children.sorted().toList()) {
                    system.addEntryRecursive(child, AbsoluteUnixPath.get("/" + child.getFileName()), OWN_PERMISSIONS);
                }
            }
            FileEntriesLayer.Builder program = FileEntriesLayer.builder().setName("app");
            program.addEntryRecursive(app, AbsoluteUnixPath.get(APP), OWN_PERMISSIONS);
            Containerizer to = Containerizer.to(TarImage.at(tar).named(image))
                    .setApplicationLayersCache(layersCache)
                    .setBaseImageLayersCache(layersCache)
                    .setOfflineMode(true)
                    .setToolName("kumo")
                    .addEventHandler(LogEvent.class, event -> {
                        if (event.getLevel().compareTo(LogEvent.Level.LIFECYCLE) <= 0) {
                            output.line(event.getMessage());
                        }
                    });
            return Jib.fromScratch()
                    .setFormat(ImageFormat.OCI)
                    .setCreationTime(Instant.EPOCH)
                    .addFileEntriesLayer(system.build())
                    .addFileEntriesLayer(program.build())
                    .setEnvironment(environment(base.interpreter()))
                    .setWorkingDirectory(AbsoluteUnixPath.get(APP))
                    .addExposedPort(Port.tcp(8080))
                    .setEntrypoint(entrypoint(base.interpreter(), main))
                    .containerize(to);
        } catch (InvalidImageReferenceException e) {
            throw new StepFailed("image", "InvalidImage", List.of("the output image " + image + " is not a valid "
                    + "image reference: " + e.getMessage()));
        } catch (IOException | RegistryException | CacheDirectoryCreationException | ExecutionException e) {
            throw new IllegalStateException("writing image " + image + " to " + tar + ": " + e.getMessage(), e);
        }
    }
}
