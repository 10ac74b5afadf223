package dev.kumo.controller.service.resources;

import dev.kumo.api.serving.Service;

/** Names of a Service's children: both are named after the Service. */
public final class ServiceNames {

    private ServiceNames() {
    }

    public static String configuration(Service service) {
        return service.metadata().name();
    }

    public static String route(Service service) {
        return service.metadata().name();
    }
}
