package dev.kumo.controller.serving;

import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.route.RouteUrls;
import java.time.Duration;

/**
 * Settings of the serving controllers: how Route URLs are made, how long a Revision's instances may take to
 * become ready when the Revision does not say ({@code serving.knative.dev/progress-deadline}), and how the engine
 * runs.
 */
public record ServingControllerConfig(RouteUrls routeUrls, Duration progressDeadline, EngineOptions engine) {

    /**
     * Knative's default is 600 s, sized for pulling images and scheduling pods; a local process that has not
     * listened within two minutes is almost certainly stuck, and its author should hear so sooner.
     */
    public static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofSeconds(120);

    /** {@link RouteUrls#DEFAULT}, {@link #DEFAULT_PROGRESS_DEADLINE} and {@link EngineOptions#DEFAULTS}. */
    public static final ServingControllerConfig DEFAULTS =
            new ServingControllerConfig(RouteUrls.DEFAULT, DEFAULT_PROGRESS_DEADLINE, EngineOptions.DEFAULTS);

    public ServingControllerConfig {
        if (progressDeadline.isNegative() || progressDeadline.isZero()) {
            throw new IllegalArgumentException("progressDeadline must be positive, got " + progressDeadline);
        }
    }

    public ServingControllerConfig withRouteUrls(RouteUrls value) {
        return new ServingControllerConfig(value, progressDeadline, engine);
    }

    public ServingControllerConfig withProgressDeadline(Duration value) {
        return new ServingControllerConfig(routeUrls, value, engine);
    }

    public ServingControllerConfig withEngine(EngineOptions value) {
        return new ServingControllerConfig(routeUrls, progressDeadline, value);
    }
}
