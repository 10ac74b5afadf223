package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.REVISIONS;
import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Revision annotated {@code kumo.dev/jvm-aot-cache: "true"} running samples/hello-java on this JDK: its first
 * instance records the AOT cache, which it writes when scaled to zero; the next instance starts with it.
 */
class JvmAotCacheIT {

    private static final Path HELLO_JAVA = Path.of("..", "samples", "hello-java").toAbsolutePath().normalize();
    private static final String PODS = "/api/v1/namespaces/default/pods?labelSelector="
            + "serving.knative.dev%2Frevision%3Daot-00001";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass(Kumo.shortWindows());

    @Test
    void theSecondInstanceStartsWithTheCacheTheFirstRecorded() {
        kumo.create(SERVICES, helloJava("aot"));
        kumo.awaitReady("aot");
        Path dir = kumo.dataDir().resolve("instances").resolve("jvm-aot").resolve("default").resolve("aot-00001");
        Path cache = dir.resolve("app.aot");
        assertThat(javaWith("-XX:AOTCacheOutput=" + dir.resolve("recording").resolve("app.aot")))
                .as("the first instance records").hasSize(1);
        HttpResponse<String> training = kumo.call("aot", "/");
        assertThat(training.statusCode()).as(training.body()).isEqualTo(200);

        // The recorder's JVM exits before its child JVM has assembled the cache; the runtime calls the instance
        // stopped (and its Pod gone) only once every process of it has ended, so wait for that, as Kumo does.
        await("aot-00001 at zero, its cache written").atMost(Duration.ofSeconds(90)).until(() ->
                kumo.get(REVISIONS + "/aot-00001").at("/status/actualReplicas").asInt(-1) == 0
                        && javaWith("-XX:AOTCacheOutput=").isEmpty()
                        && kumo.get(PODS).path("items").isEmpty());
        assertThat(dir.resolve("recording").resolve("app.aot")).isNotEmptyFile();

        HttpResponse<String> woken = kumo.call("aot", "/");

        assertThat(woken.statusCode()).as(woken.body()).isEqualTo(200);
        assertThat(woken.body()).startsWith("Hello Kumo!");
        assertThat(cache).isNotEmptyFile();
        assertThat(javaWith("-XX:AOTCache=" + cache)).as("the second instance uses the cache").hasSize(1);

        kumo.api("DELETE", SERVICES + "/aot");
        await("the cache removed with the revision").atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(dir));
    }

    /** Java processes of this JDK whose command line has an argument starting with {@code prefix}. */
    private static List<ProcessHandle> javaWith(String prefix) {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(JAVA::equals).orElse(false))
                .filter(p -> p.info().arguments().map(args -> List.of(args).stream()
                        .anyMatch(arg -> arg.startsWith(prefix))).orElse(false))
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains("Hello.java")).orElse(false))
                .toList();
    }

    private static ObjectNode helloJava(String name) {
        ObjectNode service = Workloads.service(name);
        ObjectNode container = Workloads.container(service);
        container.putArray("command").add(JAVA);
        container.putArray("args").add("Hello.java");
        container.put("workingDir", HELLO_JAVA.toString());
        Workloads.env(service, "TARGET", "Kumo");
        Workloads.template(service).putObject("metadata").putObject("annotations").put("kumo.dev/jvm-aot-cache", "true");
        return service;
    }
}
