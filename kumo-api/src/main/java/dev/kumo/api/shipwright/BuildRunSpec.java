package dev.kumo.api.shipwright;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A run: the Build it runs ({@code build.name}, or a {@code build.spec} of its own), and what it overrides —
 * {@code paramValues}, {@code output}, {@code timeout} —; {@code state: BuildRunCanceled} cancels it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BuildRunSpec(ReferencedBuild build, List<BuildSpec.ParamValue> paramValues, BuildSpec.Image output,
        String timeout, String state) {

    /** The state that cancels a run. */
    public static final String STATE_CANCELED = "BuildRunCanceled";

    public BuildRunSpec {
        paramValues = paramValues == null ? List.of() : List.copyOf(paramValues);
    }

    /** A run of the Build {@code name}. */
    public static BuildRunSpec ofBuild(String name) {
        return new BuildRunSpec(new ReferencedBuild(name, null), List.of(), null, null, null);
    }

    public BuildRunSpec withState(String value) {
        return new BuildRunSpec(build, paramValues, output, timeout, value);
    }

    /** The Build a run names ({@code name}) or embeds ({@code spec}): exactly one of the two. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferencedBuild(String name, BuildSpec spec) {
    }
}
