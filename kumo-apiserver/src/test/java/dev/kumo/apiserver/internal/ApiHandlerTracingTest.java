package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.apiserver.ApiServerConfig;
import dev.kumo.apiserver.PodLogs;
import dev.kumo.apiserver.RequestMetrics;
import dev.kumo.apiserver.RequestTracing;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ApiHandler} tells its {@link RequestTracing}: a span per request, a watch's ended at its head. */
class ApiHandlerTracingTest {

    private final ResourceStore store = InMemoryStore.create();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final RequestTracing recording = request -> {
        told.add("begin " + request.method() + " " + request.route() + " " + request.namespace() + "/"
                + request.name() + " traceparent=" + request.headers().getOrDefault("traceparent", ""));
        return status -> told.add("ended " + status);
    };
    private final ApiHandler handler = new ApiHandler(BuiltInKinds.all(), store, ApiServerConfig.loopback(0),
            InstantSource.system(), RevisionLogs.NONE, PodLogs.NONE, RequestMetrics.NONE, recording);

    @BeforeEach
    void namespace() {
        store.create(ResourceTypes.NAMESPACE, Json.parseObject("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
                + "\"metadata\":{\"name\":\"default\"}}"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aWriteIsOneSpanEndedWithItsStatusAndTheClientsHeadersAreHandedOver() {
        Reply reply = handler.handle(new ApiRequest("POST", "/api/v1/namespaces/default/configmaps", Map.of(),
                Map.of("content-type", "application/json", "traceparent", "00-abc-def-01"),
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}"
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(reply).isInstanceOfSatisfying(Reply.Body.class, body -> assertThat(body.status()).isEqualTo(201));
        assertThat(told).containsExactly(
                "begin POST /api/v1/namespaces/{namespace}/configmaps default/ traceparent=00-abc-def-01",
                "ended 201");
    }

    @Test
    void aWatchsSpanEndsAtTheResponseHeadBeforeItsStreamStarts() {
        Reply reply = handler.handle(new ApiRequest("GET", "/api/v1/namespaces/default/configmaps",
                Map.of("watch", List.of("true")), Map.of("traceparent", "00-abc-def-01"), new byte[0]));

        assertThat(reply).isInstanceOf(Reply.Stream.class);
        assertThat(told).containsExactly(
                "begin GET /api/v1/namespaces/{namespace}/configmaps default/ traceparent=00-abc-def-01",
                "ended 200");
    }

    @Test
    void readsWithoutATraceparentMakeNoSpanSoPollingCannotCrowdOutTheWritesTraces() {
        handler.handle(new ApiRequest("GET", "/api/v1/namespaces/default/configmaps", Map.of(), Map.of(),
                new byte[0]));
        handler.handle(new ApiRequest("GET", "/api/v1/namespaces/default/configmaps/c", Map.of(), Map.of(),
                new byte[0]));
        handler.handle(new ApiRequest("HEAD", "/api/v1/namespaces", Map.of(), Map.of(), new byte[0]));
        handler.handle(new ApiRequest("GET", "/api/v1/namespaces/default/configmaps",
                Map.of("watch", List.of("true")), Map.of(), new byte[0]));

        assertThat(told).isEmpty();
    }

    @Test
    void scrapesProbesAndTheTracesThemselvesMakeNoSpan() {
        handler.handle(new ApiRequest("GET", "/healthz", Map.of(), Map.of(), new byte[0]));
        handler.handle(new ApiRequest("GET", "/debug/traces", Map.of(), Map.of(), new byte[0]));
        handler.handle(new ApiRequest("GET", "/metrics", Map.of(), Map.of(), new byte[0]));

        assertThat(told).isEmpty();
    }
}
