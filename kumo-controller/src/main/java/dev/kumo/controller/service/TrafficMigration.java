package dev.kumo.controller.service;

import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.TrafficTarget;
import java.util.List;
import java.util.Objects;

/**
 * Whether a Route already sends its traffic where its Configuration's latest ready Revision says: until it does,
 * the Service's RoutesReady stays Unknown although the Route itself is Ready.
 */
final class TrafficMigration {

    private TrafficMigration() {
    }

    static void check(Configuration configuration, Route route, ServiceLifecycle status) {
        if (!status.routesReady()) {
            return;
        }
        String latestReady = configuration.status() == null ? null
                : configuration.status().latestReadyRevisionName();
        List<TrafficTarget> want = route.spec().trafficOrEmpty().stream()
                .map(t -> configuration.metadata().name().equals(t.configurationName())
                        ? shape(t.tag(), latestReady, t.percent()) : shape(t.tag(), t.revisionName(), t.percent()))
                .toList();
        List<TrafficTarget> got = route.status() == null || route.status().traffic() == null ? List.of()
                : route.status().traffic().stream().map(t -> shape(t.tag(), t.revisionName(), t.percent())).toList();
        if (!Objects.equals(want, got)) {
            status.markRouteNotYetReady();
        }
    }

    /** A target reduced to what is compared: tag, Revision and share. */
    private static TrafficTarget shape(String tag, String revisionName, Long percent) {
        return new TrafficTarget(tag, revisionName, null, null, percent == null ? 0L : percent, null);
    }
}
