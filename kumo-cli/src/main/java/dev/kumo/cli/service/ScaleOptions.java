package dev.kumo.cli.service;

import picocli.CommandLine.Option;

/**
 * kn's autoscaling flags of {@code service create|update|apply}; each one given becomes an
 * {@code autoscaling.knative.dev/*} annotation of the revision template ({@link ScaleEdits}). Values are taken as
 * text so that a bad one is refused with a message naming the flag, the value and what is wanted.
 */
public final class ScaleOptions {

    @Option(names = "--scale-min", paramLabel = "N", description = "Minimum number of instances "
            + "(autoscaling.knative.dev/min-scale; 0, the default, lets the revision scale to zero).")
    String min;

    @Option(names = "--scale-max", paramLabel = "N", description = "Maximum number of instances "
            + "(autoscaling.knative.dev/max-scale; 0, the default, means no limit).")
    String max;

    @Option(names = "--scale", paramLabel = "N|MIN..MAX", description = "Minimum and maximum number of instances: "
            + "--scale 5 sets both to 5, --scale 1..5 sets 1 and 5, --scale 1.. only the minimum, --scale ..5 only "
            + "the maximum. Not together with --scale-min or --scale-max.")
    String range;

    @Option(names = "--scale-init", paramLabel = "N", description = "Instances a new revision starts with "
            + "(autoscaling.knative.dev/initial-scale; default 1; 0 only where the server allows "
            + "allow-zero-initial-scale).")
    String initial;

    @Option(names = "--scale-metric", paramLabel = "concurrency|rps", description = "What the autoscaler scales on "
            + "(autoscaling.knative.dev/metric; default concurrency).")
    String metric;

    @Option(names = "--scale-target", paramLabel = "N", description = "The value of the metric aimed at per "
            + "instance: requests in flight (concurrency) or requests per second (rps) "
            + "(autoscaling.knative.dev/target; default 100 for concurrency, 200 for rps, capped by "
            + "--concurrency-limit).")
    String target;

    @Option(names = "--scale-utilization", paramLabel = "PERCENT", description = "Percentage of the target to aim "
            + "at before scaling up (autoscaling.knative.dev/target-utilization-percentage; default 70).")
    String utilization;

    @Option(names = "--scale-window", paramLabel = "DURATION", description = "How far back the autoscaler looks "
            + "to decide, as a Go duration from 6s to 1h such as 60s or 2m (autoscaling.knative.dev/window; "
            + "default 60s); a revision without requests for that long may scale to zero.")
    String window;
}
