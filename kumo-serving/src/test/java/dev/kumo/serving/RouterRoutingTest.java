package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.route.RouteRouting;
import dev.kumo.controller.route.RouteRouting.HostRoute;
import dev.kumo.controller.route.RouteRouting.RevisionTarget;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.Router;
import dev.kumo.dataplane.api.WeightedTarget;
import dev.kumo.runtime.spi.InstanceAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A DomainMapping's host is routed as its Route's main host, follows the Route, and never takes a Route's host. */
class RouterRoutingTest {

    private static final NamespacedName HELLO = new NamespacedName("default", "hello");
    private static final NamespacedName MAPPING = new NamespacedName("default", "hello.example.com");

    private final TableRouter router = new TableRouter();
    private final RouterRouting routing = new RouterRouting(router);

    @Test
    void aMappedDomainGetsItsRoutesMainHostTargetsAndFollowsItsChanges() {
        routing.map(MAPPING, "hello.example.com", HELLO);
        assertThat(router.table.targets("hello.example.com")).as("no Route published yet").isEmpty();

        routing.publish(route("hello-00001", "hello-00002"));
        assertThat(router.table.targets("hello.example.com")).contains(List.of(
                new WeightedTarget(new RevisionId("default", "hello-00001"), 50),
                new WeightedTarget(new RevisionId("default", "hello-00002"), 50)));
        assertThat(router.table.targets("tag-hello.default.localhost")).isPresent();

        routing.publish(route("hello-00003"));
        assertThat(router.table.targets("hello.example.com")).contains(List.of(
                new WeightedTarget(new RevisionId("default", "hello-00003"), 100)));

        routing.unmap(MAPPING);
        assertThat(router.table.targets("hello.example.com")).isEmpty();
        assertThat(router.table.targets("hello.default.localhost")).isPresent();
    }

    @Test
    void aDomainNamingARoutesOwnHostLeavesThatHostToTheRoute() {
        routing.publish(route("hello-00001"));
        routing.publish(new RouteRouting(new NamespacedName("default", "other"), List.of(new HostRoute(
                "other.default.localhost", List.of(new RevisionTarget("default", "other-00001", 100, 300, 0))))));
        routing.map(MAPPING, "hello.default.localhost", new NamespacedName("default", "other"));

        assertThat(router.table.targets("hello.default.localhost")).contains(List.of(
                new WeightedTarget(new RevisionId("default", "hello-00001"), 100)));
    }

    @Test
    void aRevisionsTimeoutsReachTheRoutersSettings() {
        routing.publish(new RouteRouting(HELLO, List.of(new HostRoute("hello.default.localhost", List.of(
                new RevisionTarget("default", "hello-00001", 100, 30, 2, false, 5, 7))))));

        assertThat(router.table.settings(new RevisionId("default", "hello-00001")))
                .isEqualTo(new RevisionSettings(30, 2, false, 5, 7));
    }

    private static RouteRouting route(String... revisions) {
        int percent = 100 / revisions.length;
        List<RevisionTarget> targets = java.util.Arrays.stream(revisions)
                .map(r -> new RevisionTarget("default", r, percent, 300, 0)).toList();
        return new RouteRouting(HELLO, List.of(new HostRoute("hello.default.localhost", targets),
                new HostRoute("tag-hello.default.localhost", List.of(targets.getFirst().percent() == 100
                        ? targets.getFirst() : new RevisionTarget("default", revisions[0], 100, 300, 0)))));
    }

    /** A router that keeps the last table it was given. */
    private static final class TableRouter implements Router {

        private RouteTable table = RouteTable.empty();

        @Override
        public int port() {
            return 0;
        }

        @Override
        public int inFlight(RevisionId revision, InstanceAddress address) {
            return 0;
        }

        @Override
        public int listen(String host, int preferredPort) {
            return preferredPort;
        }

        @Override
        public void unlisten(int port) {
        }

        @Override
        public void update(RouteTable value) {
            table = value;
        }

        @Override
        public void close() {
        }
    }
}
