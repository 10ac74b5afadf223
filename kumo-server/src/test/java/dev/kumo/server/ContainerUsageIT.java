package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.kumo.runtime.podman.BusyboxImage;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Metering of image Revisions measured on live containers (issue #17): a Revision without limits is metered with
 * the CPU time and memory podman measured of its container, one with limits with instance-seconds × its limits;
 * both count every request and the cold start after a scale to zero.
 */
class ContainerUsageIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String USAGE = "/apis/usage.kumo.dev/v1alpha1/namespaces/default/usage?since=1h";
    // Names of this test's own: other tests on the host run images in the same podman.
    private static final String MEASURED = "ctrmeasured";
    private static final String LIMITED = "ctrlimited";
    private static final int REQUESTS = 6;
    private static final double LIMIT_GIB = 0.125;
    private static final double LIMIT_CPUS = 0.5;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer();

    private final TestApi api = KUMO.api();
    private final Ingress ingress = KUMO.ingress();

    @Test
    void aRevisionWithoutLimitsIsMeteredAsMeasuredAndOneWithLimitsFromItsLimits() {
        create(MEASURED, "");
        create(LIMITED, ",\"resources\":{\"limits\":{\"memory\":\"128Mi\",\"cpu\":\"500m\"}}");
        api.awaitCondition(SERVICES + "/" + MEASURED, "Ready", "True");
        api.awaitCondition(SERVICES + "/" + LIMITED, "Ready", "True");
        awaitScaledToZero(MEASURED, LIMITED);

        // Each request runs the CGI: a shell and `env | sort` forked in the container, CPU time of its own.
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(ingress.get(MEASURED + ".default.localhost", "/cgi-bin/env").statusCode()).isEqualTo(200);
            assertThat(ingress.get(LIMITED + ".default.localhost", "/cgi-bin/env").statusCode()).isEqualTo(200);
        }
        awaitScaledToZero(MEASURED, LIMITED);

        JsonNode measured = await("the requests of " + MEASURED + " metered").atMost(SETTLE)
                .until(() -> item(MEASURED), item -> item.path("requests").asLong() == REQUESTS);
        assertThat(measured.path("coldStarts").asLong()).isGreaterThanOrEqualTo(1);
        double seconds = measured.path("instanceSeconds").asDouble();
        assertThat(seconds).isGreaterThan(0);
        assertThat(measured.path("cpuSeconds").asDouble()).as("CPU time measured").isGreaterThan(0)
                .isLessThan(seconds * 2);
        // Measured, not from limits: a busybox httpd holds a few MiB, far below a GiB per second of instance time.
        assertThat(measured.path("memoryGibSeconds").asDouble()).as("memory measured").isGreaterThan(0)
                .isLessThan(seconds * 0.1);

        JsonNode limited = await("the requests of " + LIMITED + " metered").atMost(SETTLE)
                .until(() -> item(LIMITED), item -> item.path("requests").asLong() == REQUESTS);
        assertThat(limited.path("coldStarts").asLong()).isGreaterThanOrEqualTo(1);
        double limitedSeconds = limited.path("instanceSeconds").asDouble();
        assertThat(limitedSeconds).isGreaterThan(0);
        assertThat(limited.path("cpuSeconds").asDouble()).isCloseTo(limitedSeconds * LIMIT_CPUS, within(1e-6));
        assertThat(limited.path("memoryGibSeconds").asDouble()).isCloseTo(limitedSeconds * LIMIT_GIB,
                within(1e-6));
    }

    private void create(String name, String resources) {
        api.create(SERVICES, """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"annotations":{"autoscaling.knative.dev/window":"6s"}},
                   "spec":{"containers":[{"image":"%s"%s}]}}}}""".formatted(name, BusyboxImage.reference(),
                resources));
    }

    /**
     * Each Service's instance shown as a Pod (written a moment after its start), then all gone: a Pod list alone is
     * empty also before the Pod of a running instance is written. Both scale down in the same seconds.
     */
    private void awaitScaledToZero(String... services) {
        for (String service : services) {
            await(service + " shown as a Pod").atMost(SETTLE).until(() -> !api.get(pods(service)).path("items")
                    .isEmpty());
        }
        for (String service : services) {
            await(service + " scaled to zero").atMost(SETTLE).until(() -> api.get(pods(service)).path("items")
                    .isEmpty());
        }
    }

    private static String pods(String service) {
        return "/api/v1/namespaces/default/pods?labelSelector=serving.knative.dev%2Fservice%3D" + service;
    }

    /** The row of the Service's first Revision in the usage report; a missing node until it is metered. */
    private JsonNode item(String service) {
        return StreamSupport.stream(api.get(USAGE).path("items").spliterator(), false)
                .filter(item -> item.path("revision").asText().equals(service + "-00001")).findFirst()
                .orElse(MissingNode.getInstance());
    }
}
