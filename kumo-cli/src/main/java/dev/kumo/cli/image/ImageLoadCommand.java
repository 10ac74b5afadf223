package dev.kumo.cli.image;

import dev.kumo.cli.base.CliException;
import dev.kumo.cli.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kumo image load FILE.tar}: loads an image archive (docker-archive or oci-archive) for Kumo to run. */
@Command(name = "load", description = "Load an image archive (podman save, docker save, buildah, Jib's tar) into "
        + "the local storage Kumo's container runtime runs images from; a Service may then name it with --image.")
public final class ImageLoadCommand implements Callable<Integer> {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Parameters(paramLabel = "FILE", description = "The image archive (.tar).")
    Path file;

    private final Session session;

    public ImageLoadCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new CliException(file + ": no such file", "Give the path of an image archive, e.g. one written by "
                    + "'podman save -o FILE.tar IMAGE'.");
        }
        String out = LocalImages.podman(session, LIMIT, "load", "--input", file.toAbsolutePath().toString());
        out.lines().filter(line -> line.startsWith("Loaded image")).forEach(session.out()::println);
        session.out().flush();
        return 0;
    }
}
