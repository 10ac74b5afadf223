package dev.kumo.build.images;

import dev.kumo.runtime.podman.PodmanClient;
import dev.kumo.runtime.podman.PodmanException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** Podman's local storage through its REST API ({@code POST /libpod/images/load}): no CLI process per build. */
public final class PodmanImageLoader implements ImageLoader {

    private final PodmanClient podman;

    public PodmanImageLoader(PodmanClient podman) {
        this.podman = podman;
    }

    @Override
    public Optional<String> imageId(String reference) {
        if (!podman.imageExists(reference).join()) {
            return Optional.empty();
        }
        try {
            String id = podman.inspectImage(reference).join().getString("Id");
            return Optional.ofNullable(id).map(hex -> hex.startsWith("sha256:") ? hex : "sha256:" + hex);
        } catch (CompletionException e) {
            if (e.getCause() instanceof PodmanException p && p.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<String> digest(String reference) {
        try {
            return Optional.ofNullable(podman.inspectImage(reference).join().getString("Digest"))
                    .filter(digest -> !digest.isEmpty());
        } catch (CompletionException e) {
            if (e.getCause() instanceof PodmanException p && p.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> load(Path archive) {
        return podman.loadImage(archive).join();
    }
}
