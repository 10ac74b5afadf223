package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.apiserver.RequestMetrics.Request;
import dev.kumo.apiserver.RequestTracing;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLabelsTest {

    private static final RequestLabels LABELS = new RequestLabels(BuiltInKinds.all());
    private static final String KSVC = "/apis/serving.knative.dev/v1/namespaces/default/services";

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET", KSVC, Map.of(), "", new Request("LIST", "serving.knative.dev", "v1", "services",
                        "", "namespace")),
                Arguments.of("GET", KSVC + "/hello", Map.of(), "", new Request("GET", "serving.knative.dev", "v1",
                        "services", "", "resource")),
                Arguments.of("GET", KSVC, Map.of("watch", List.of("true")), "", new Request("WATCH",
                        "serving.knative.dev", "v1", "services", "", "namespace")),
                Arguments.of("GET", "/api/v1/watch/namespaces/default/configmaps", Map.of(), "", new Request("WATCH",
                        "", "v1", "configmaps", "", "namespace")),
                Arguments.of("GET", "/api/v1/namespaces", Map.of(), "", new Request("LIST", "", "v1", "namespaces",
                        "", "cluster")),
                Arguments.of("POST", KSVC, Map.of(), "application/json", new Request("POST",
                        "serving.knative.dev", "v1", "services", "", "namespace")),
                Arguments.of("PATCH", KSVC + "/hello", Map.of(), "application/apply-patch+yaml", new Request("APPLY",
                        "serving.knative.dev", "v1", "services", "", "resource")),
                Arguments.of("PUT", KSVC + "/hello/status", Map.of(), "application/json", new Request("PUT",
                        "serving.knative.dev", "v1", "services", "status", "resource")),
                Arguments.of("GET", "/api/v1/namespaces/default/pods/p/log", Map.of(), "", new Request("GET",
                        "", "v1", "pods", "log", "resource")),
                // A subresource the kind does not serve is "other": made-up segments add no series.
                Arguments.of("GET", "/api/v1/namespaces/default/pods/p/made-up-" + System.nanoTime(), Map.of(), "",
                        new Request("GET", "", "v1", "pods", "other", "resource")),
                // Paths that name no served kind count as no resource: an unknown plural adds no series.
                Arguments.of("GET", "/apis/serving.knative.dev/v1/namespaces/default/made-up-" + System.nanoTime(),
                        Map.of(), "", Request.other("GET")),
                Arguments.of("GET", "/version", Map.of(), "", Request.other("GET")),
                Arguments.of("BREW", "/metrics", Map.of(), "", Request.other("OTHER")),
                Arguments.of("GET", "/api/v1/%zz", Map.of(), "", Request.other("GET")));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void labelsARequestAsKubeApiserversMetricsDo(String method, String path, Map<String, List<String>> query,
            String contentType, Request wanted) {
        ApiRequest request = new ApiRequest(method, path, query, Map.of("content-type", contentType), new byte[0]);

        assertThat(LABELS.of(request)).isEqualTo(wanted);
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("POST", KSVC, "/apis/serving.knative.dev/v1/namespaces/{namespace}/services", "default",
                        ""),
                Arguments.of("GET", KSVC + "/hello/status",
                        "/apis/serving.knative.dev/v1/namespaces/{namespace}/services/{name}/status", "default",
                        "hello"),
                Arguments.of("GET", "/api/v1/watch/namespaces/default/configmaps",
                        "/api/v1/namespaces/{namespace}/configmaps", "default", ""),
                Arguments.of("DELETE", "/api/v1/namespaces/gone", "/api/v1/namespaces/{name}", "", "gone"),
                Arguments.of("GET", "/api/v1/namespaces/default/pods/p/made-up",
                        "/api/v1/namespaces/{namespace}/pods/{name}/other", "default", "p"),
                Arguments.of("GET", "/apis/serving.knative.dev/v1", "/apis/serving.knative.dev/v1", "", ""),
                Arguments.of("GET", "/apis/example.dev/v1/namespaces/default/widgets/w", "/apis/example.dev/v1",
                        "", ""));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aTracedRequestIsNamedByItsRouteWithTheObjectItNames(String method, String path, String route,
            String namespace, String name) {
        ApiRequest request = new ApiRequest(method, path, Map.of(), Map.of(), new byte[0]);

        RequestTracing.Traced traced = LABELS.traced(request, LABELS.of(request));

        assertThat(traced.route()).isEqualTo(route);
        assertThat(traced.namespace()).isEqualTo(namespace);
        assertThat(traced.name()).isEqualTo(name);
        assertThat(traced.path()).isEqualTo(path);
    }

    @Test
    void scrapesProbesAndTheTracesThemselvesAreNotTraced() {
        assertThat(List.of("/metrics", "/debug/traces", "/debug/traces/abc", "/healthz", "/readyz", "/livez"))
                .noneMatch(RequestLabels::traced);
        assertThat(List.of("/api/v1/namespaces", "/version", "/apis")).allMatch(RequestLabels::traced);
    }
}
