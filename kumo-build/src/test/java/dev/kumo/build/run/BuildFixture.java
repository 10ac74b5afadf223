package dev.kumo.build.run;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.BuildRunSpec;
import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.api.shipwright.BuildSpec;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.build.buildah.BuildahStrategy;
import dev.kumo.common.podman.ContainersConf;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.runtime.podman.TestPodman;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A store with Kumo's kinds and the build controllers over it, building with the real {@code buildah} strategy
 * (podman) into a data directory of its own; the images it built are removed on close.
 */
final class BuildFixture implements AutoCloseable {

    final Path dir;
    final ResourceStore store;
    final BuildControllers controllers;
    final TypedStore<Build> builds;
    final TypedStore<BuildRun> runs;
    private final String prefix = "dev.local/kumo-it-build-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> images = new ArrayList<>();

    BuildFixture() {
        try {
            dir = Files.createTempDirectory("kumo-build-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = new AdmittingStore(InMemoryStore.create(StoreOptions.DEFAULTS), BuiltInKinds.all());
        Strategies strategies = Strategies.of(new BuildahStrategy(ContainersConf.write(dir), Optional.empty()));
        controllers = BuildControllers.start(store, InstantSource.system(), strategies, dir.resolve("builds"), 2);
        builds = new TypedStore<>(store, ShipwrightTypes.BUILD, Build.class);
        runs = new TypedStore<>(store, ShipwrightTypes.BUILD_RUN, BuildRun.class);
    }

    /** A source directory holding {@code files} (name → content). */
    Path source(Map<String, String> files) {
        try {
            Path source = Files.createTempDirectory(dir, "src");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(source.resolve(file.getKey()), file.getValue());
            }
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image name of this fixture's, removed on close. */
    String image(String name) {
        String image = prefix + "-" + name + ":latest";
        images.add(image);
        return image;
    }

    Build build(String name, Path source, BuildSpec.BuildRetention retention) {
        BuildSpec spec = BuildSpec.of(BuildSource.directory(source), BuildSpec.Strategy.named("buildah"),
                BuildSpec.Image.of(image(name))).withRetention(retention);
        return builds.create(Build.of(ObjectMeta.of("default", name), spec));
    }

    BuildRun run(String name, String build) {
        return runs.create(BuildRun.of(ObjectMeta.of("default", name), BuildRunSpec.ofBuild(build)));
    }

    Optional<BuildRun> get(String name) {
        return runs.get("default", name);
    }

    String log(String name) {
        try {
            Path file = dir.resolve("builds/logs/default/" + name + ".log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        controllers.close();
        for (String image : images) {
            try {
                TestPodman.run(Optional.empty(), "rmi", "-f", image);
            } catch (IllegalStateException e) {
                // never built (a failing test case): nothing to remove
            }
        }
    }
}
