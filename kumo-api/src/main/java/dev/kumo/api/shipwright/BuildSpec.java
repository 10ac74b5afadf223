package dev.kumo.api.shipwright;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a Build builds: its source, the strategy that builds it, the parameters, the output image, how long a run may
 * take (a Go duration, e.g. {@code 10m}) and how many finished runs to keep.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BuildSpec(BuildSource source, Strategy strategy, List<ParamValue> paramValues, Image output,
        String timeout, BuildRetention retention) {

    public BuildSpec {
        paramValues = paramValues == null ? List.of() : List.copyOf(paramValues);
    }

    /** A spec with only these three set. */
    public static BuildSpec of(BuildSource source, Strategy strategy, Image output) {
        return new BuildSpec(source, strategy, List.of(), output, null, null);
    }

    public BuildSpec withStrategy(Strategy value) {
        return new BuildSpec(source, value, paramValues, output, timeout, retention);
    }

    public BuildSpec withSource(BuildSource value) {
        return new BuildSpec(value, strategy, paramValues, output, timeout, retention);
    }

    public BuildSpec withRetention(BuildRetention value) {
        return new BuildSpec(source, strategy, paramValues, output, timeout, value);
    }

    /**
     * The strategy a Build names: {@code kind} is {@code ClusterBuildStrategy} (the default; Kumo's strategies are
     * built in and cluster-wide) and {@code name} one of them, e.g. {@code buildah}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Strategy(String name, String kind) {

        /** The kind of every strategy Kumo has. */
        public static final String CLUSTER_BUILD_STRATEGY = "ClusterBuildStrategy";

        public static Strategy named(String name) {
            return new Strategy(name, CLUSTER_BUILD_STRATEGY);
        }
    }

    /** A parameter of the strategy, by name. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ParamValue(String name, String value) {
    }

    /** Where the image goes: {@code image} names it in local storage; its labels and annotations are added to it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Image(String image, java.util.Map<String, String> labels,
            java.util.Map<String, String> annotations) {

        public static Image of(String image) {
            return new Image(image, null, null);
        }
    }

    /** How many finished BuildRuns of this Build to keep (at least 1 each; unlimited when absent). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BuildRetention(Integer succeededLimit, Integer failedLimit) {
    }
}
