package dev.kumo.server;

import dev.kumo.build.buildah.BuildahStrategy;
import dev.kumo.build.func.FuncStrategy;
import dev.kumo.build.images.PodmanCliImages;
import dev.kumo.build.java.JavaStrategy;
import dev.kumo.build.run.Strategies;
import dev.kumo.common.podman.ContainersConf;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The build strategies built into this Kumo, in the order {@code --source} tries them: the one place a strategy is
 * added. Each builds into the storage the container runtime runs from (Kumo's containers.conf, or the service at
 * {@code --podman-socket}).
 */
final class BuildStrategies {

    private BuildStrategies() {
    }

    /** The strategies, their podman configuration written under {@code dir}. */
    static Strategies of(Optional<Path> podmanSocket, Path dir) {
        Path containersConf = ContainersConf.write(dir);
        return Strategies.of(new BuildahStrategy(containersConf, podmanSocket),
                // One jlinked JRE base per JDK and module set for every namespace's Builds.
                new JavaStrategy(new PodmanCliImages(containersConf, podmanSocket), dir.resolve("java-bases")),
                // One base per host interpreter (Python, Node) for every namespace's function Builds.
                new FuncStrategy(new PodmanCliImages(containersConf, podmanSocket), dir.resolve("func-bases")));
    }
}
