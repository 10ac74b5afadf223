package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.FileEntry;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.MountSpec;
import dev.kumo.runtime.spi.VolumeSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A test route into a busybox container: a CGI, itself mounted as a files volume at {@code /srv/cgi-bin}, that runs
 * the busybox applet in its query ({@code /cgi-bin/run?stat -L -c %a /etc/secret/password}) and answers with what
 * it printed. The container serves it with {@link #HTTPD}.
 */
final class RunRoute {

    /** The container's command: serve {@code /srv} (and so the CGI) on $PORT. */
    static final String HTTPD = "exec httpd -f -p $PORT -h /srv";
    private static final String SCRIPT = "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\n"
            + "set -- $(busybox httpd -d \"$QUERY_STRING\")\nexec busybox \"$@\" 2>&1\n";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RunRoute() {
    }

    /** The volume holding the CGI. */
    static VolumeSpec.Files volume() {
        return new VolumeSpec.Files("cgi", Map.of("run", new FileEntry(SCRIPT.getBytes(StandardCharsets.UTF_8),
                0755)));
    }

    /** Where the container sees it. */
    static MountSpec mount() {
        return MountSpec.of("cgi", "/srv/cgi-bin", true);
    }

    /** Runs {@code busybox COMMAND} in the container; its output (stdout and stderr). */
    static String run(InstanceAddress address, String command) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + address + "/cgi-bin/run?"
                + URLEncoder.encode(command, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(command + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
