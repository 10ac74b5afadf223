package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.RunAsSpec;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.WorkloadSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What podman is asked to create for an instance, from its workload spec. */
class PodSpecsTest {

    private static final RevisionRef REVISION = RevisionRef.ofService("team", "hello", "hello-00002");
    private static final Map<String, String> LABELS = PodLabels.of("abc123", REVISION, "hello-00002-x7k2q");

    @Test
    void thePodHasItsOwnNetworkAndPublishesTheServingPortOnLoopbackAtAPortPodmanPicks() {
        JsonObject pod = PodSpecs.pod("kumo-abc123-hello-00002-x7k2q", LABELS, image().build());

        assertThat(pod.getJsonObject("netns").getString("nsmode")).isEqualTo("bridge");
        assertThat(pod.getJsonArray("portmappings")).containsExactly(new JsonObject().put("host_ip", "127.0.0.1")
                .put("container_port", 8080).put("host_port", 0).put("protocol", "tcp"));
        assertThat(pod.getJsonObject("labels").getMap()).containsEntry("dev.kumo/data-dir-key", "abc123")
                .containsEntry("dev.kumo/namespace", "team").containsEntry("dev.kumo/revision", "hello-00002")
                .containsEntry("dev.kumo/instance", "hello-00002-x7k2q");
    }

    @Test
    void aProbeOnAnotherPortIsPublishedToo() {
        ImageWorkload spec = image().containerPort(9000).liveness(ProbeSpec.of(new Probe.HttpGet("/live", 9001)))
                .build();
        assertThat(PodSpecs.publishedPorts(spec)).containsExactly(9000, 9001);
    }

    @Test
    void theContainerRunsUnderAnInitWithThePlatformsVariablesOverTheSpecs() {
        JsonObject container = PodSpecs.container("c-1", "p", LABELS, image().containerPort(9000)
                .env("PORT", "1").env("GREETING", "hi").terminationGracePeriod(Duration.ofMillis(2500)).build());

        assertThat(container.getBoolean("init")).isTrue();
        assertThat(container.getString("pod")).isEqualTo("p");
        assertThat(container.getJsonObject("env").getMap()).containsEntry("PORT", "9000")
                .containsEntry("GREETING", "hi").containsEntry("K_SERVICE", "hello")
                .containsEntry("K_CONFIGURATION", "hello").containsEntry("K_REVISION", "hello-00002");
        assertThat(container.getLong("stop_timeout")).as("whole seconds, rounded up").isEqualTo(3);
        assertThat(container.containsKey("entrypoint")).isFalse();
        assertThat(container.containsKey("command")).isFalse();
        assertThat(container.containsKey("resource_limits")).isFalse();
    }

    @Test
    void commandReplacesTheEntrypointAndDropsTheImagesCmdAsInKubernetes() {
        JsonObject command = PodSpecs.container("c", "p", LABELS, image().command("/srv/app").build());
        assertThat(command.getJsonArray("entrypoint")).isEqualTo(new JsonArray().add("/srv/app"));
        assertThat(command.getJsonArray("command")).isEmpty();

        JsonObject args = PodSpecs.container("c", "p", LABELS, image().args("--verbose").workingDir(Path.of("/srv"))
                .build());
        assertThat(args.containsKey("entrypoint")).isFalse();
        assertThat(args.getJsonArray("command")).isEqualTo(new JsonArray().add("--verbose"));
        assertThat(args.getString("work_dir")).isEqualTo("/srv");
    }

    @Test
    void referencesToTheContainersVariablesInCommandAndArgsAreExpandedAsTheKubeletDoes() {
        JsonObject container = PodSpecs.container("c", "p", LABELS, image().command("/bin/httpd", "-p", "$(PORT)")
                .args("--greeting=$(GREETING)", "$(K_REVISION)", "$$(PORT)", "$(UNDECLARED)").env("GREETING", "hi")
                .build());

        assertThat(container.getJsonArray("entrypoint")).isEqualTo(new JsonArray().add("/bin/httpd").add("-p")
                .add("8080"));
        assertThat(container.getJsonArray("command")).isEqualTo(new JsonArray().add("--greeting=hi")
                .add("hello-00002").add("$(PORT)").add("$(UNDECLARED)"));
    }

    @Test
    void userAndLimitsGoToPodman() {
        JsonObject container = PodSpecs.container("c", "p", LABELS, image()
                .runAs(new RunAsSpec(OptionalLong.of(1000), OptionalLong.of(100), true))
                .limits(new WorkloadLimits(OptionalLong.of(64L << 20), OptionalLong.of(500))).build());

        assertThat(container.getString("user")).isEqualTo("1000:100");
        assertThat(container.getJsonObject("resource_limits")).isEqualTo(new JsonObject()
                .put("memory", new JsonObject().put("limit", 64L << 20).put("swap", 64L << 20))
                .put("cpu", new JsonObject().put("quota", 50_000L).put("period", 100_000L)));
    }

    @Test
    void aSinkOnTheHostsLoopbackGivesThePodANetworkThatReachesItAtTheAddressItSeesThere() {
        ImageWorkload bound = image().env("K_SINK", "http://127.0.0.1:41234/default/bookstore-broker")
                .env("OTHER", "http://127.0.0.1:9/").build();

        JsonObject pod = PodSpecs.pod("p", LABELS, bound);
        assertThat(pod.getJsonObject("netns").getString("nsmode")).isEqualTo("slirp4netns");
        assertThat(pod.getJsonObject("network_options").getJsonArray("slirp4netns"))
                .containsExactly("allow_host_loopback=true");
        assertThat(pod.getJsonArray("portmappings")).hasSize(1);
        assertThat(PodSpecs.env(bound)).containsEntry("K_SINK", "http://10.0.2.2:41234/default/bookstore-broker")
                .as("only the platform's addresses are rewritten").containsEntry("OTHER", "http://127.0.0.1:9/");
    }

    @Test
    void aSinkElsewhereLeavesThePodOnTheBridge() {
        for (String sink : new String[] {"http://broker.example.com/default/b", "not a url", ""}) {
            ImageWorkload bound = image().env("K_SINK", sink).build();
            assertThat(PodSpecs.pod("p", LABELS, bound).getJsonObject("netns").getString("nsmode")).as(sink)
                    .isEqualTo("bridge");
            assertThat(PodSpecs.env(bound)).as(sink).containsEntry("K_SINK", sink);
        }
        assertThat(HostLoopback.reachable(Map.of("K_SINK", "http://localhost:80/x?y=1")))
                .containsEntry("K_SINK", "http://10.0.2.2:80/x?y=1");
    }

    @Test
    void aSidecarsSinkOnTheHostsLoopbackCountsForThePodToo() {
        SidecarSpec sidecar = new SidecarSpec("side", "dev.local/side:1", List.of(), List.of(),
                Map.of("K_SINK", "http://127.0.0.1:41234/default/b"), List.of(), Optional.empty(), Optional.empty());
        assertThat(PodSpecs.pod("p", LABELS, image().sidecar(sidecar).build()).getJsonObject("netns")
                .getString("nsmode")).isEqualTo("slirp4netns");
    }

    private static ImageWorkload.Builder image() {
        return WorkloadSpec.image(REVISION, "dev.local/hello:1");
    }
}
