package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Knative's runtime contract conformance: what a workload may rely on, observed from inside the workload. */
class ConformanceRuntimeContractIT {

    private static final int READY_DELAY_MS = 3000;

    @TempDir
    static Path temp;

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass();

    @BeforeAll
    static void start() {
        kumo.create(SERVICES, Workloads.service("contract"));
        kumo.awaitReady("contract");
    }

    /** TestMustEnvVars and TestShouldEnvVars. */
    @Test
    void portAndTheKnativeNamesAreInTheEnvironment() {
        JsonNode env = kumo.callJson("contract", "/env");
        assertThat(env.path("PORT").asText()).matches("[1-9][0-9]*");
        assertThat(env.path("K_SERVICE").asText()).isEqualTo("contract");
        assertThat(env.path("K_CONFIGURATION").asText()).isEqualTo("contract");
        assertThat(env.path("K_REVISION").asText()).isEqualTo("contract-00001");
    }

    /** TestMustHaveHeadersSet and TestShouldHaveHeadersSet. */
    @Test
    void theProxyPreservesHostAndSetsForwardingHeaders() {
        JsonNode headers = lowerCased(kumo.callJson("contract", "/headers"));
        assertThat(headers.path("host").asText()).isEqualTo(Kumo.host("contract"));
        assertThat(headers.path("forwarded").asText()).contains("for=").contains("proto=http");
        assertThat(headers.path("x-forwarded-for").asText()).contains("127.0.0.1");
        assertThat(headers.path("x-forwarded-proto").asText()).isEqualTo("http");
    }

    /** TestShouldHaveStdinEOF. */
    @Test
    void stdinIsAtEndOfFile() {
        assertThat(kumo.call("contract", "/stdin").body()).isEqualTo("eof");
    }

    /** TestCmdArgs: command and args reach the process as given, one argument each. */
    @Test
    void commandAndArgsAreHonoured() {
        ObjectNode service = Workloads.service("cmd-args");
        Workloads.container(service).putArray("args").add(Workloads.ECHO.getFileName().toString())
                .add("first").add("second with spaces");
        kumo.create(SERVICES, service);
        kumo.awaitReady("cmd-args");

        JsonNode args = kumo.callJson("cmd-args", "/args");
        assertThat(args.path("argv").toString()).isEqualTo("[\"first\",\"second with spaces\"]");
        assertThat(args.path("unbuffered").asBoolean()).as("python3 -u from command").isTrue();
    }

    /** TestWorkingDirService. */
    @Test
    void workingDirIsHonoured() throws Exception {
        Path workingDir = Files.createDirectories(temp.resolve("work dir"));
        ObjectNode service = Workloads.service("working-dir");
        ObjectNode container = Workloads.container(service);
        container.put("workingDir", workingDir.toString());
        container.putArray("args").add(Workloads.ECHO.toString());
        kumo.create(SERVICES, service);
        kumo.awaitReady("working-dir");

        assertThat(kumo.call("working-dir", "/cwd").body()).isEqualTo(workingDir.toRealPath().toString());
    }

    /** TestProbeRuntime: an httpGet readiness probe keeps the Revision unready until its path answers 200. */
    @Test
    void aReadinessProbeGatesReady() {
        ObjectNode service = Workloads.env(Workloads.service("probed"), "READY_DELAY_MS",
                Integer.toString(READY_DELAY_MS));
        Workloads.container(service).putObject("readinessProbe").put("periodSeconds", 1)
                .putObject("httpGet").put("path", "/ready");
        kumo.create(SERVICES, service);
        kumo.awaitReady("probed");

        JsonNode probes = kumo.callJson("probed", "/probes");
        assertThat(probes.path("failed").asInt()).as("probes answered 503 before the delay").isPositive();
        assertThat(probes.path("succeeded").asInt()).isPositive();
        assertThat(probes.path("uptimeMs").asInt()).isGreaterThanOrEqualTo(READY_DELAY_MS);
    }

    private static JsonNode lowerCased(JsonNode headers) {
        ObjectNode lower = Kumo.object("{}");
        headers.properties().forEach(e -> lower.set(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
        return lower;
    }
}
