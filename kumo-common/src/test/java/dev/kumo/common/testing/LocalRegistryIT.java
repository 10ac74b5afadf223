package dev.kumo.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture runs the real registry: a pushed tag is served under the digest the push reported, a retag moves it. */
class LocalRegistryIT {

    @TempDir
    Path temp;

    @Test
    void aPushedImageIsServedByDigestAndARetagMovesTheTag() throws Exception {
        LocalRegistry.assumeInstalled();
        try (LocalRegistry registry = LocalRegistry.start(temp)) {
            String first = registry.push("hello", "v1", "one");
            String second = registry.push("hello", "v1", "two");

            assertThat(first).startsWith("sha256:").isNotEqualTo(second);
            assertThat(registry.host()).startsWith("127.0.0.1:");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://" + registry.host()
                    + "/v2/hello/manifests/v1")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.headers().firstValue("Docker-Content-Digest")).contains(second);
            long pid = registry.pid();
            registry.close();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }
}
