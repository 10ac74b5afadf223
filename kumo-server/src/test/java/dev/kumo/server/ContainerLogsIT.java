package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container's output is its Revision's log, as a process's is: {@code kumo service logs} (the real CLI) and the
 * Revision's log subresource, tail and follow, show the lines it wrote, prefixed with revision and instance.
 */
class ContainerLogsIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String LOG = "/apis/serving.knative.dev/v1/namespaces/default/revisions/ctr-logs-00001/log";
    private static final String HOST = "ctr-logs.default.localhost";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("inspector");
    @TempDir
    Path home;

    @Test
    void theCliAndTheLogSubresourceShowTheContainersLines() throws Exception {
        // The inspector logs to stderr; the command's echo writes to stdout first: both streams reach the log.
        KUMO.api().create(SERVICES, ContainerFailuresIT.service("ctr-logs", "\"kumo.dev/runtime\":\"container\"", """
                "image":"dev.local/kumo-samples/inspector",
                "command":["/bin/sh","-c","echo 'stdout: starting the inspector'; exec /inspector/start.sh"]"""));
        KUMO.awaitReady(SERVICES + "/ctr-logs", 1, 1);
        assertThat(KUMO.ingress().get(HOST, "/log/first-line").statusCode()).isEqualTo(200);

        InProcessCli cli = new InProcessCli(home, KUMO.dataDir());
        String prefix = "(?m)^ctr-logs-00001 > ctr-logs-00001-\\w+ \\| ";
        await("kumo service logs").atMost(SETTLE).untilAsserted(() -> {
            InProcessCli.Result logs = cli.run("--server", KUMO.server().apiUrl().toString(), "service", "logs",
                    "ctr-logs");
            assertThat(logs.exitCode()).as(logs.err()).isZero();
            assertThat(logs.out()).containsPattern(prefix + "stdout: starting the inspector$")
                    .containsPattern(prefix + "inspector: listening on 8080 as uid=0\\(root\\).*$")
                    .containsPattern(prefix + "first-line$");
        });

        // The inspector logs each connection too (the readiness probe's among them): the line asked for is among
        // the last two, its request's own line before it, unless a probe came in between.
        await("the log's last lines").atMost(SETTLE).untilAsserted(() -> {
            assertThat(KUMO.ingress().get(HOST, "/log/tail-line").statusCode()).isEqualTo(200);
            HttpResponse<String> tail = KUMO.api().send("GET", LOG + "?tailLines=2", null, null);
            assertThat(tail.statusCode()).isEqualTo(200);
            assertThat(tail.body().lines().toList()).hasSize(2)
                    .anySatisfy(line -> assertThat(line).matches(prefix.substring(4) + "tail-line"));
        });

        List<String> followed = new CopyOnWriteArrayList<>();
        ApiAccess access = ApiAccess.of(KUMO.server());
        HttpResponse<Stream<String>> stream = access.client().send(
                access.request(LOG + "?follow=true&tailLines=0").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> body = stream.body()) {
                body.forEach(followed::add);
            } catch (UncheckedIOException e) {
                // The test closed the stream.
            }
        });
        try {
            await("a line logged while following").atMost(SETTLE).untilAsserted(() -> {
                KUMO.ingress().get(HOST, "/log/while-following");
                assertThat(followed).anySatisfy(line -> assertThat(line)
                        .matches(prefix.substring(4) + "while-following"));
            });
            assertThat(followed).noneMatch(line -> line.endsWith("first-line"));
        } finally {
            reader.interrupt();
        }
    }
}
