package dev.kumo.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Revision name templates and the Ready state a wait reads. */
class ServicePiecesTest {

    @Test
    void revisionNameTemplatesFillInTheirPlaceholders() {
        assertThat(RevisionNameTemplate.expand("{{.Service}}-{{.Generation}}", "hello", 7, new Random(1)))
                .isEqualTo("hello-7");
        assertThat(RevisionNameTemplate.expand("{{.Service}}-{{.Random 5}}-{{.Generation}}", "hello", 2,
                new Random(1))).matches("hello-[bcdfghjklmnpqrstvwxz]{5}-2");
        assertThat(RevisionNameTemplate.expand("blue", "hello", 2, new Random(1))).isEqualTo("hello-blue");
    }

    @Test
    void theReadyStateCountsOnlyOnceTheChangeIsObserved() {
        String ready = "{\"type\":\"Ready\",\"status\":\"True\"}";
        String failed = "{\"type\":\"Ready\",\"status\":\"False\",\"reason\":\"RevisionFailed\","
                + "\"message\":\"container exited with code 3\"}";
        String unknown = "{\"type\":\"Ready\",\"status\":\"Unknown\",\"message\":\"The Route is still working\"}";

        assertThat(ReadyState.of(service(1, ready), 2)).isEqualTo(new ReadyState.Waiting(""));
        assertThat(ReadyState.of(service(2, ready), 2)).isEqualTo(new ReadyState.Ready());
        assertThat(ReadyState.of(service(2, failed), 2))
                .isEqualTo(new ReadyState.Failed("container exited with code 3"));
        assertThat(ReadyState.of(service(2, unknown), 2))
                .isEqualTo(new ReadyState.Waiting("The Route is still working"));
        assertThat(ReadyState.of(Json.object(), 1)).isEqualTo(new ReadyState.Waiting(""));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode service(long observed, String ready) {
        return Json.parseObject("{\"metadata\":{\"generation\":2},\"status\":{\"observedGeneration\":" + observed
                + ",\"conditions\":[" + ready + "]}}");
    }
}
