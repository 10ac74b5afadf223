package dev.kumo.api.shipwright;

import dev.kumo.api.meta.ResourceType;
import java.util.List;

/**
 * The shipwright.io/v1beta1 types: Build, BuildRun (short names {@code br}, {@code brs}, as Shipwright's), and
 * ClusterBuildStrategy ({@code cbs}, {@code cbss}), read-only: Kumo's built-in strategies.
 */
public final class ShipwrightTypes {

    public static final String GROUP = "shipwright.io";
    public static final ResourceType BUILD = new ResourceType(GROUP, "v1beta1", "Build", "builds", "build", true,
            true, List.of(), List.of());
    public static final ResourceType BUILD_RUN = new ResourceType(GROUP, "v1beta1", "BuildRun", "buildruns",
            "buildrun", true, true, List.of("br", "brs"), List.of());
    public static final ResourceType CLUSTER_BUILD_STRATEGY = new ResourceType(GROUP, "v1beta1",
            "ClusterBuildStrategy", "clusterbuildstrategies", "clusterbuildstrategy", false, false,
            List.of("cbs", "cbss"), List.of());

    private ShipwrightTypes() {
    }
}
