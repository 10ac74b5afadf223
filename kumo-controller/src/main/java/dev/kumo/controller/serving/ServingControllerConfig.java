package dev.kumo.controller.serving;

import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.route.RouteUrls;

/** Settings of the serving controllers: how Route URLs are made and how the engine runs. */
public record ServingControllerConfig(RouteUrls routeUrls, EngineOptions engine) {

    /** {@link RouteUrls#DEFAULT} and {@link EngineOptions#DEFAULTS}. */
    public static final ServingControllerConfig DEFAULTS =
            new ServingControllerConfig(RouteUrls.DEFAULT, EngineOptions.DEFAULTS);

    public ServingControllerConfig withRouteUrls(RouteUrls value) {
        return new ServingControllerConfig(value, engine);
    }

    public ServingControllerConfig withEngine(EngineOptions value) {
        return new ServingControllerConfig(routeUrls, value);
    }
}
