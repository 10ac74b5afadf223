package dev.kumo.build.java;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.FilePermissionsProvider;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.kumo.build.spi.BuildOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * The image, written by Jib from scratch as an OCI archive (tar): the host's libraries, the JRE, then the app's
 * layers, so an edit touches only the last. Reproducible: fixed timestamps (Jib's), a sorted environment and each
 * file's own permissions (Jib's default 0644 would make {@code bin/java} unrunnable).
 */
final class JibImage {

    /**
     * The JVM's flags for a container: the serial collector (one or two CPUs, a small heap), C1 only (a fast start
     * matters more than peak speed for a scale-to-zero service), no perf-data file in {@code /tmp}.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "-XX:MaxRAMPercentage=75");
    private static final FilePermissionsProvider OWN_PERMISSIONS = (source, target) -> {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(source));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the permissions of " + source, e);
        }
    };

    private JibImage() {
    }

    /** The entrypoint running {@code app}: Kumo's JRE, the container flags, the class path and main class. */
    static List<String> entrypoint(AppLayout app) {
        List<String> command = new ArrayList<>(List.of(JreBase.JAVA_HOME + "/bin/java"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", app.classPath(), app.mainClass()));
        return command;
    }

    /** Writes the image named {@code image} to {@code tar}; returns what Jib made (its image id is the digest). */
    static JibContainer write(JreBase base, AppLayout app, String image, Path tar, Path layersCache,
            BuildOutput output) throws InterruptedException {
        try {
            JibContainerBuilder builder = Jib.fromScratch()
                    // OCI: podman loads an oci-archive reusing the layers it has; a docker-archive's gzip layers it
                    // decompresses whole first (measured 1.7–3.2 s against 2.6–6.3 s per load on a busy host).
                    .setFormat(ImageFormat.OCI)
                    .setCreationTime(Instant.EPOCH)
                    .addFileEntriesLayer(layer("system", children(base.system())))
                    .addFileEntriesLayer(layer("jre", List.of(new AppLayout.Layer("jre", base.jre(),
                            JreBase.JAVA_HOME))))
                    .setEnvironment(new TreeMap<>(Map.of("JAVA_HOME", JreBase.JAVA_HOME, "PATH", JreBase.JAVA_HOME
                            + "/bin", "PORT", "8080", "LANG", "C.UTF-8")))
                    .setWorkingDirectory(AbsoluteUnixPath.get("/app"))
                    .addExposedPort(Port.tcp(8080))
                    .setEntrypoint(entrypoint(app));
            for (AppLayout.Layer layer : app.layers()) {
                builder.addFileEntriesLayer(layer(layer.name(), List.of(layer)));
            }
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
            return builder.containerize(to);
        } catch (InvalidImageReferenceException e) {
            throw new StepFailed("image", "InvalidImage", List.of("the output image " + image + " is not a valid "
                    + "image reference: " + e.getMessage()));
        } catch (IOException | RegistryException | CacheDirectoryCreationException | ExecutionException e) {
            throw new IllegalStateException("writing image " + image + " to " + tar + ": " + e.getMessage(), e);
        }
    }

    private static FileEntriesLayer layer(String name, List<AppLayout.Layer> parts) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        for (AppLayout.Layer part : parts) {
            layer.addEntryRecursive(part.from(), AbsoluteUnixPath.get(part.to()), OWN_PERMISSIONS);
        }
        return layer.build();
    }

    // Each top-level entry of a root file system directory, to its place under "/".
    private static List<AppLayout.Layer> children(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.sorted().map(child -> new AppLayout.Layer("system", child, "/" + child.getFileName()))
                    .toList();
        }
    }
}
