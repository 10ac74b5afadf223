package dev.kumo.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Revision name templates, the Ready state a wait reads, and the HTTP/1.1 responses invoke reads. */
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

    @Test
    void responsesAreReadByLengthChunksOrUntilClose() throws Exception {
        assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloTRAILING").body()).asString(
                StandardCharsets.UTF_8).isEqualTo("hello");
        PlainHttp.Response chunked = read("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n");
        assertThat(chunked.code()).isEqualTo(404);
        assertThat(chunked.reason()).isEqualTo("Not Found");
        assertThat(chunked.body()).asString(StandardCharsets.UTF_8).isEqualTo("abcde");
        assertThat(read("HTTP/1.0 200 OK\r\n\r\nuntil close").body()).asString(StandardCharsets.UTF_8)
                .isEqualTo("until close");
    }

    private static PlainHttp.Response read(String response) throws Exception {
        return PlainHttp.read(new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode service(long observed, String ready) {
        return Json.parseObject("{\"metadata\":{\"generation\":2},\"status\":{\"observedGeneration\":" + observed
                + ",\"conditions\":[" + ready + "]}}");
    }
}
