package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.RevisionLogs;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kubelet's log parameters read from a request, and a Revision's containers for {@code container=}. */
class LogParamsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void sinceSecondsCountsBackFromNowAndSinceTimeIsAnRfc3339Time() {
        assertThat(LogParams.since(request(Map.of("sinceSeconds", "600")), NOW))
                .contains(Instant.parse("2026-12-06T07:50:00Z"));
        assertThat(LogParams.since(request(Map.of("sinceTime", "2026-12-06T09:00:00+02:00")), NOW))
                .contains(Instant.parse("2026-12-06T07:00:00Z"));
        assertThat(LogParams.since(request(Map.of()), NOW)).isEmpty();
        assertThat(LogParams.since(request(Map.of("sinceSeconds", Long.toString(Long.MAX_VALUE))), NOW))
                .as("as far back as there is, not a 500").contains(java.time.Instant.EPOCH);
    }

    @Test
    void badValuesAre400sNamingTheParameterTheValueAndTheForm() {
        assertThatThrownBy(() -> LogParams.since(request(Map.of("sinceSeconds", "abc")), NOW))
                .isInstanceOf(ApiException.class).hasMessage("sinceSeconds: Invalid value: \"abc\": must be a "
                        + "positive whole number of seconds, as 600");
        assertThatThrownBy(() -> LogParams.since(request(Map.of("sinceSeconds", "0")), NOW))
                .hasMessageContaining("sinceSeconds: Invalid value: \"0\"");
        assertThatThrownBy(() -> LogParams.since(request(Map.of("sinceTime", "yesterday")), NOW))
                .hasMessage("sinceTime: Invalid value: \"yesterday\": must be an RFC 3339 time with its zone, as "
                        + "2026-12-06T08:00:00Z");
        assertThatThrownBy(() -> LogParams.since(request(Map.of("sinceSeconds", "5",
                "sinceTime", "2026-12-06T08:00:00Z")), NOW))
                .hasMessage("at most one of sinceTime or sinceSeconds may be specified");
        assertThatThrownBy(() -> LogParams.tailLines("x"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void theServingContainerIsTheOneWithAPortAndTheOthersAreSidecars() {
        ObjectNode revision = Json.object();
        revision.putObject("metadata").put("name", "hello-00001");
        var containers = revision.putObject("spec").putArray("containers");
        containers.addObject().put("name", "proxy");
        containers.addObject().put("name", "app").putArray("ports").addObject().put("containerPort", 8080);

        assertThat(RevisionContainers.named(revision, "app")).isEqualTo(new RevisionLogs.Container("app",
                List.of("proxy")));
        assertThat(RevisionContainers.named(revision, "proxy").serving()).isFalse();
        assertThatThrownBy(() -> RevisionContainers.named(revision, "nope")).hasMessage("container: Invalid value: "
                + "\"nope\": revision \"hello-00001\" has the containers [proxy, app]; name one of them");
    }

    @Test
    void anUnnamedSingleContainerIsKnativesUserContainer() {
        ObjectNode revision = Json.object();
        revision.putObject("spec").putArray("containers").addObject().put("image", "hello");

        assertThat(RevisionContainers.named(revision, "user-container").serving()).isTrue();
    }

    private static ApiRequest request(Map<String, String> params) {
        Map<String, List<String>> query = new HashMap<>();
        params.forEach((key, value) -> query.put(key, List.of(value)));
        return new ApiRequest("GET", "/apis/serving.knative.dev/v1/namespaces/default/revisions/r/log", query,
                Map.of(), new byte[0]);
    }
}
