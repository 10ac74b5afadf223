package dev.kumo.build.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a strategy builds.
 *
 * @param sourceDir the directory to build (a Build's source with its {@code contextDir} applied)
 * @param image the output image reference, e.g. {@code localhost/kumo/hello:latest}
 * @param params the Build's and BuildRun's {@code paramValues}, by name (the run's win)
 * @param cacheDir a directory private to this Build that survives its runs, for layers and compiler caches
 */
public record BuildRequest(Path sourceDir, String image, Map<String, String> params, Path cacheDir) {
    public BuildRequest {
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(image, "image");
        params = Map.copyOf(params);
        Objects.requireNonNull(cacheDir, "cacheDir");
    }
}
