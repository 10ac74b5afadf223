package dev.kumo.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientPiecesTest {

    @Test
    void buildsPathsForGroupsCoreAndClusterScopedKinds() {
        assertThat(ResourcePaths.object(ResourceTypes.SERVICE, "default", "hello"))
                .isEqualTo("/apis/serving.knative.dev/v1/namespaces/default/services/hello");
        assertThat(ResourcePaths.collection(ResourceTypes.SERVICE, Optional.empty()))
                .isEqualTo("/apis/serving.knative.dev/v1/services");
        assertThat(ResourcePaths.object(ResourceTypes.CONFIGMAP, "default", "cfg"))
                .isEqualTo("/api/v1/namespaces/default/configmaps/cfg");
        assertThat(ResourcePaths.object(ResourceTypes.NAMESPACE, "ignored", "team-a"))
                .isEqualTo("/api/v1/namespaces/team-a");
        assertThat(ResourcePaths.object(ResourceTypes.SERVICE, "default", "a/../b"))
                .endsWith("/services/a%2F..%2Fb");
    }

    @Test
    void readsWarningHeaders() {
        assertThat(WarningHeaders.text("299 - \"spec.foo is deprecated\"")).contains("spec.foo is deprecated");
        assertThat(WarningHeaders.text("299 kumo \"say \\\"hi\\\"\" \"Sat, 01 Jan 2025 00:00:00 GMT\""))
                .contains("say \"hi\"");
        assertThat(WarningHeaders.text("garbage")).isEmpty();
    }

    @Test
    void resolvesKindsByAnyOfTheirNames() {
        assertThat(KindCatalog.resolve("ksvc")).contains(ResourceTypes.SERVICE);
        assertThat(KindCatalog.resolve("Services")).contains(ResourceTypes.SERVICE);
        assertThat(KindCatalog.resolve("services.serving.knative.dev")).contains(ResourceTypes.SERVICE);
        assertThat(KindCatalog.resolve("rev")).contains(ResourceTypes.REVISION);
        assertThat(KindCatalog.resolve("ns")).contains(ResourceTypes.NAMESPACE);
        assertThat(KindCatalog.resolve("statefulsets")).isEmpty();
        assertThat(KindCatalog.resolve("deploy")).contains(ResourceTypes.DEPLOYMENT);
        assertThat(KindCatalog.qualifiedName(ResourceTypes.CONFIGMAP)).isEqualTo("configmap");
    }

    @Test
    void plainRequestsGoToLoopbackForLocalhostNamesWithTheUrlsHost() {
        PlainHttp.Request routed = new PlainHttp.Request(URI.create("http://hello.default.localhost:8080"), "GET",
                List.of(), new byte[0]);
        assertThat(routed.connectHost()).isEqualTo("127.0.0.1");
        assertThat(routed.host()).isEqualTo("hello.default.localhost:8080");
        assertThat(routed.port()).isEqualTo(8080);
        assertThat(routed.target()).isEqualTo("/");
        PlainHttp.Request plain = new PlainHttp.Request(URI.create("https://example.com/a%20b?q=1"), "POST",
                List.of(), new byte[0]);
        assertThat(plain.connectHost()).isEqualTo("example.com");
        assertThat(plain.host()).isEqualTo("example.com");
        assertThat(plain.port()).isEqualTo(443);
        assertThat(plain.target()).isEqualTo("/a%20b?q=1");
    }

    @Test
    void responsesAreReadByLengthChunksOrUntilClose() throws Exception {
        assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloTRAILING").body()).asString(
                StandardCharsets.UTF_8).isEqualTo("hello");
        PlainHttp.Response chunked = read("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n");
        assertThat(chunked.code()).isEqualTo(404);
        assertThat(chunked.reason()).isEqualTo("Not Found");
        assertThat(chunked.header("Transfer-Encoding")).contains("chunked");
        assertThat(chunked.body()).asString(StandardCharsets.UTF_8).isEqualTo("abcde");
        assertThat(read("HTTP/1.0 200 OK\r\n\r\nuntil close").body()).asString(StandardCharsets.UTF_8)
                .isEqualTo("until close");
    }


    private static PlainHttp.Response read(String response) throws Exception {
        return PlainHttp.read(new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
