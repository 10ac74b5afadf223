package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.REVISION;
import static dev.kumo.api.serving.ServingFixtures.ROUTE;
import static dev.kumo.api.serving.ServingFixtures.SERVICE;
import static dev.kumo.api.serving.ServingFixtures.admit;
import static dev.kumo.api.serving.ServingFixtures.patched;
import static dev.kumo.api.serving.ServingFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Knative's defaults are applied on admission: each row reads one JSON pointer of the stored object. */
class DefaultsTest {

    private static final String C0 = "/spec/template/spec/containers/0";
    private static final String IMAGE = "image: ghcr.io/knative/helloworld-go:latest";

    record Row(String name, String base, String patch, String pointer, String expectedJson) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("the only container is user-container", SERVICE, "{}", C0 + "/name", "\"user-container\""),
                new Row("request timeout 300s", SERVICE, "{}", "/spec/template/spec/timeoutSeconds", "300"),
                new Row("timeout 0 means the default", SERVICE, "spec: {template: {spec: {timeoutSeconds: 0}}}",
                        "/spec/template/spec/timeoutSeconds", "300"),
                new Row("no first-byte timeout below 300s", SERVICE, "{}",
                        "/spec/template/spec/responseStartTimeoutSeconds", "null"),
                new Row("first-byte timeout 300s under a longer timeout", SERVICE,
                        "spec: {template: {spec: {timeoutSeconds: 600}}}",
                        "/spec/template/spec/responseStartTimeoutSeconds", "300"),
                new Row("container concurrency 0, written", SERVICE, "{}",
                        "/spec/template/spec/containerConcurrency", "0"),
                new Row("a TCP readiness probe", SERVICE, "{}", C0 + "/readinessProbe",
                        "{\"tcpSocket\": {}, \"successThreshold\": 1}"),
                new Row("probe timings filled in when a period is set", SERVICE,
                        "spec: {template: {spec: {containers: [{" + IMAGE + ", readinessProbe: {httpGet: {path: /h}, "
                                + "periodSeconds: 5}}]}}}", C0 + "/readinessProbe",
                        "{\"httpGet\": {\"path\": \"/h\"}, \"periodSeconds\": 5, \"successThreshold\": 1, "
                                + "\"failureThreshold\": 3, \"timeoutSeconds\": 1}"),
                new Row("a TCP handler kept with given timings", SERVICE,
                        "spec: {template: {spec: {containers: [{" + IMAGE + ", readinessProbe: {initialDelaySeconds: "
                                + "2}}]}}}", C0 + "/readinessProbe",
                        "{\"tcpSocket\": {}, \"initialDelaySeconds\": 2, \"successThreshold\": 1}"),
                new Row("gRPC probes get the empty service", SERVICE,
                        "spec: {template: {spec: {containers: [{" + IMAGE + ", readinessProbe: {grpc: {port: 8080}}}]}}}",
                        C0 + "/readinessProbe/grpc", "{\"port\": 8080, \"service\": \"\"}"),
                new Row("several unnamed containers are numbered", SERVICE,
                        "spec: {template: {spec: {containers: [{" + IMAGE + ", ports: [{containerPort: 8080}]}, {"
                                + IMAGE + "}]}}}", "/spec/template/spec/containers/1/name", "\"user-container-1\""),
                new Row("sidecars get no readiness probe", SERVICE,
                        "spec: {template: {spec: {containers: [{" + IMAGE + ", ports: [{containerPort: 8080}]}, {"
                                + IMAGE + "}]}}}", "/spec/template/spec/containers/1/readinessProbe", "null"),
                new Row("ConfigMap mounts are read-only", SERVICE,
                        "spec: {template: {spec: {volumes: [{name: cfg, configMap: {name: c}}], containers: [{" + IMAGE
                                + ", volumeMounts: [{name: cfg, mountPath: /etc/cfg, readOnly: false}]}]}}}",
                        C0 + "/volumeMounts/0/readOnly", "true"),
                new Row("emptyDir mounts stay writable", SERVICE,
                        "spec: {template: {spec: {volumes: [{name: tmp, emptyDir: {}}], containers: [{" + IMAGE
                                + ", volumeMounts: [{name: tmp, mountPath: /scratch}]}]}}}",
                        C0 + "/volumeMounts/0/readOnly", "null"),
                new Row("a Service sends all traffic to the latest Revision", SERVICE, "{}", "/spec/traffic",
                        "[{\"latestRevision\": true, \"percent\": 100}]"),
                new Row("a pinned target is not the latest", SERVICE,
                        "spec: {traffic: [{revisionName: hello-a, percent: 100}]}", "/spec/traffic/0/latestRevision",
                        "false"),
                new Row("a missing percent is written as 0", SERVICE,
                        "spec: {traffic: [{revisionName: hello-a, percent: 100}, {tag: next}]}",
                        "/spec/traffic/1", "{\"tag\": \"next\", \"latestRevision\": true, \"percent\": 0}"),
                new Row("a Route target by Configuration follows its latest", ROUTE, "{}",
                        "/spec/traffic/0/latestRevision", "true"),
                new Row("a created Revision is defaulted", REVISION, "{}", "/spec/timeoutSeconds", "300"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void appliesTheDefault(Row row) {
        JsonNode stored = admit(patched(row.base(), row.patch())).object();

        JsonNode actual = stored.at(row.pointer());
        assertThat(actual.isMissingNode() ? Json.mapper().nullNode() : Json.parseObject("{\"v\":" + actual + "}"))
                .isEqualTo(row.expectedJson().equals("null") ? Json.mapper().nullNode()
                        : Json.parseObject("{\"v\":" + yaml("v: " + row.expectedJson()).get("v") + "}"));
    }
}
