package dev.kumo.build.spi;

import java.nio.file.Path;
import java.util.List;

/** One built-in way from source to image (Shipwright's strategies are step images; Kumo's are code). */
public interface BuildStrategy {

    /** The name a Build's {@code spec.strategy.name} uses, e.g. {@code buildah}. */
    String name();

    /** One line on what it builds from what, shown on its ClusterBuildStrategy. */
    default String description() {
        return "";
    }

    /** The parameters it reads from a Build's {@code paramValues}. */
    default List<StrategyParameter> parameters() {
        return List.of();
    }

    /** Whether this strategy can build what {@code sourceDir} holds, for {@code --source} picking one. */
    boolean detects(Path sourceDir);

    /**
     * Builds {@code request} into local image storage. Blocks; returns {@link BuildOutcome.Failed} for a build that
     * failed on its own terms (a compile error, a missing base) and throws only for Kumo's own faults.
     */
    BuildOutcome build(BuildRequest request, BuildOutput output) throws InterruptedException;
}
