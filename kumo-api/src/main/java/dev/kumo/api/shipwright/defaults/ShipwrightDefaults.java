package dev.kumo.api.shipwright.defaults;

import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.BuildRunSpec;
import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.api.shipwright.BuildSpec;

/** {@code strategy.kind: ClusterBuildStrategy} and {@code source.type: Git} when left out, in a Build or a run's. */
public final class ShipwrightDefaults {

    private ShipwrightDefaults() {
    }

    public static Build build(Build value) {
        return value.spec() == null ? value : value.withSpec(spec(value.spec()));
    }

    public static BuildRun buildRun(BuildRun value) {
        BuildRunSpec spec = value.spec();
        if (spec == null || spec.build() == null || spec.build().spec() == null) {
            return value;
        }
        return value.withSpec(new BuildRunSpec(new BuildRunSpec.ReferencedBuild(spec.build().name(),
                spec(spec.build().spec())), spec.paramValues(), spec.output(), spec.timeout(), spec.state()));
    }

    static BuildSpec spec(BuildSpec spec) {
        BuildSpec defaulted = spec;
        if (spec.strategy() != null && (spec.strategy().kind() == null || spec.strategy().kind().isEmpty())) {
            defaulted = defaulted.withStrategy(BuildSpec.Strategy.named(spec.strategy().name()));
        }
        BuildSource source = spec.source();
        if (source != null && (source.type() == null || source.type().isEmpty()) && source.git() != null) {
            defaulted = defaulted.withSource(new BuildSource(BuildSource.GIT, source.contextDir(), source.git()));
        }
        return defaulted;
    }
}
