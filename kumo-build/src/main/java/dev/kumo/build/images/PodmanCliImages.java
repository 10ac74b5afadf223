package dev.kumo.build.images;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Podman's local storage through the podman CLI with Kumo's containers.conf (or the service at
 * {@code --podman-socket}): the storage the buildah strategy builds into and the container runtime runs from, with
 * no podman service needed while Kumo builds.
 */
public final class PodmanCliImages implements ImageLoader {

    private final Path containersConf;
    private final Optional<Path> podmanSocket;

    public PodmanCliImages(Path containersConf, Optional<Path> podmanSocket) {
        this.containersConf = containersConf;
        this.podmanSocket = podmanSocket;
    }

    @Override
    public Optional<String> imageId(String reference) {
        return inspect(reference, "{{.Id}}").map(id -> id.startsWith("sha256:") ? id : "sha256:" + id);
    }

    @Override
    public Optional<String> digest(String reference) {
        return inspect(reference, "{{.Digest}}");
    }

    private Optional<String> inspect(String reference, String format) {
        Result inspected = run("image", "inspect", "--format", format, "--", reference);
        String value = inspected.output().strip();
        return inspected.exit() != 0 || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public List<String> load(Path archive) {
        Result loaded = run("load", "--quiet", "--input", archive.toString());
        if (loaded.exit() != 0) {
            throw new IllegalStateException("podman load of " + archive + " failed (exit " + loaded.exit() + "): "
                    + loaded.output().strip());
        }
        // "Loaded image: NAME" (or "Loaded image(s): A,B"), one line per archive.
        return loaded.output().lines()
                .filter(line -> line.startsWith("Loaded image"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .flatMap(names -> Arrays.stream(names.split(",")))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        podmanSocket.ifPresent(socket -> command.addAll(List.of("--url", "unix://" + socket)));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("CONTAINERS_CONF", containersConf.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("running " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}
