package dev.kumo.api.shipwright;

import dev.kumo.api.meta.ResourceType;
import java.util.List;

/** The shipwright.io/v1beta1 types: Build, and BuildRun (short names {@code br}, {@code brs}, as Shipwright's). */
public final class ShipwrightTypes {

    public static final String GROUP = "shipwright.io";
    public static final ResourceType BUILD = new ResourceType(GROUP, "v1beta1", "Build", "builds", "build", true,
            true, List.of(), List.of());
    public static final ResourceType BUILD_RUN = new ResourceType(GROUP, "v1beta1", "BuildRun", "buildruns",
            "buildrun", true, true, List.of("br", "brs"), List.of());

    private ShipwrightTypes() {
    }
}
