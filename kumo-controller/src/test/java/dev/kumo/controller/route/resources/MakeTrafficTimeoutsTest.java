package dev.kumo.controller.route.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.TrafficTarget;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.route.RouteRouting;
import dev.kumo.controller.route.RouteUrls;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data plane gets each Revision's timeouts as its spec says them; unset ones are 0, none. */
class MakeTrafficTimeoutsTest {

    @Test
    void aRevisionsResponseStartAndIdleTimeoutsReachTheDataPlane() throws JsonProcessingException {
        assertThat(target("{\"timeoutSeconds\":30,\"responseStartTimeoutSeconds\":5,\"idleTimeoutSeconds\":7,"
                + "\"containers\":[{\"image\":\"a\"}]}")).isEqualTo(new RouteRouting.RevisionTarget("default",
                        "hello-00001", 100, 30, 0, false, 5, 7));
        assertThat(target("{\"containers\":[{\"image\":\"a\"}]}")).isEqualTo(new RouteRouting.RevisionTarget(
                "default", "hello-00001", 100, 300, 0, false, 0, 0));
    }

    private static RouteRouting.RevisionTarget target(String spec) throws JsonProcessingException {
        Revision revision = Json.mapper().readValue("{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Revision\","
                + "\"metadata\":{\"name\":\"hello-00001\",\"namespace\":\"default\"},\"spec\":" + spec + "}",
                Revision.class);
        RouteRouting routing = MakeTraffic.routing(new NamespacedName("default", "hello"), List.of(
                new ResolvedTarget(TrafficTarget.revision("hello-00001", 100), revision)), RouteUrls.DEFAULT);
        return routing.hosts().getFirst().targets().getFirst();
    }
}
