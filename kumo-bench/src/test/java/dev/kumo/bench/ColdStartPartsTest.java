package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColdStartPartsTest {

    @Test
    void aWorkloadBecomesAServiceCreatedAtZeroWithItsAnnotations() {
        BenchWorkload java = BenchWorkload.java(Path.of("/repo/samples")).annotated("hello-java-aot",
                Map.of("kumo.dev/jvm-aot-cache", "true"));

        assertThat(java.service("j-1", true)).isEqualTo("{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":"
                + "\"Service\",\"metadata\":{\"name\":\"j-1\"},\"spec\":{\"template\":{\"metadata\":{\"annotations\":"
                + "{\"autoscaling.knative.dev/initial-scale\":\"0\",\"kumo.dev/jvm-aot-cache\":\"true\"}},\"spec\":"
                + "{\"containers\":[{\"command\":[\"java\"],\"args\":[\"Hello.java\"],\"workingDir\":"
                + "\"/repo/samples/hello-java\"}]}}}}");
        assertThat(java.withOptions(List.of("-XX:AOTCache=a.aot"))).containsExactly("java", "-XX:AOTCache=a.aot",
                "Hello.java");
    }

    @Test
    void busyboxRunsThroughShSoThatPortIsExpandedDirectlyAndUnderKumoAlike() {
        BenchWorkload busybox = BenchWorkload.busybox(Path.of("/usr/bin/busybox"), Path.of("/tmp/www"));

        assertThat(busybox.command()).containsExactly("/bin/sh", "-c",
                "exec /usr/bin/busybox httpd -f -p 127.0.0.1:$PORT -h /tmp/www");
        assertThat(busybox.variants()).singleElement().satisfies(process -> {
            assertThat(process.label()).isEqualTo("process");
            assertThat(process.serviceAtZero().apply("b-1")).isEqualTo(busybox.service("b-1", true));
            assertThat(process.baselines()).extracting(ColdStartVariant.Baseline::label)
                    .containsExactly("spawn → accepting, direct (poll-connect 1 ms)");
        });
    }

    @Test
    void theSplitOfARevisionIsReadFromAScrapeAndMissingMetersAreZero() {
        String scrape = """
                kumo_cold_start_seconds_count{namespace="default",revision="p-1-00001"} 1
                kumo_cold_start_seconds_sum{namespace="default",revision="p-1-00001"} 0.25
                kumo_workload_start_seconds_sum{namespace="default",revision="p-1-00001"} 0.2
                kumo_cold_start_platform_seconds_sum{namespace="default",revision="p-1-00001"} 0.05
                kumo_cold_start_seconds_sum{namespace="default",revision="p-1-000010"} 9
                """;

        assertThat(KumoColdStarts.split(scrape, "p-1-00001"))
                .isEqualTo(new KumoColdStarts.Split(0.25, 0.2, 0.05, 1));
        assertThat(KumoColdStarts.split(scrape, "other-00001")).isEqualTo(new KumoColdStarts.Split(0, 0, 0, 0));
    }
}
