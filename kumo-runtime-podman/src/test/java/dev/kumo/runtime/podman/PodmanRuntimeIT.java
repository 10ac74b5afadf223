package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.process.CrashBackoff;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.RunAsSpec;
import dev.kumo.runtime.spi.StoppedLog;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.UnsupportedWorkloadException;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image instances in pods of their own, through real podman: serving, isolation, stop, crash, liveness, failure. */
class PodmanRuntimeIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String HTTPD = "exec httpd -f -p $PORT -h /www";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;
    private static PodmanRuntime runtime;

    @BeforeAll
    static void startRuntime() {
        TestPodman.assume();
        runtime = PodmanRuntime.start(PodmanRuntimeConfig.defaults(stateDir)
                .withBackoff(new CrashBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(10))));
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            String key = runtime.dataDirKey();
            runtime.close();
            assertThat(TestPodman.pods(PodLabels.DATA_DIR_KEY, key)).as("pods left after close").isEmpty();
            TestPodman.removeLabelled(PodLabels.DATA_DIR_KEY, key);
        }
    }

    @Test
    void instanceBecomesReadyOnALoopbackPortAndSeesPortAndKnativeVariables() throws Exception {
        Instance started = runtime.start(busybox("hello-00001").command("sh", "-c", HTTPD).env("GREETING", "hi")
                .build());
        assertThat(started.state()).isInstanceOf(InstanceState.Starting.class);
        InstanceAddress address = awaitReady(started.id());

        assertThat(address.host()).isEqualTo("127.0.0.1");
        assertThat(get(address, "/")).isEqualTo("hello from busybox\n");
        assertThat(get(address, "/cgi-bin/env")).contains("PORT=8080", "GREETING=hi", "K_REVISION=hello-00001",
                "K_SERVICE=hello", "K_CONFIGURATION=hello");
        assertThat(TestPodman.pods(PodLabels.INSTANCE, started.id())).hasSize(1);
        assertThat(TestPodman.containers(PodLabels.REVISION, "hello-00001")).isNotEmpty();
        runtime.stop(started.id()).join();
        assertThat(TestPodman.pods(PodLabels.INSTANCE, started.id())).as("pod removed on stop").isEmpty();
    }

    @Test
    void twoInstancesOfOneImageBothListenOn8080SideBySide() throws Exception {
        ImageWorkload spec = busybox("twin-00001").command("sh", "-c", HTTPD).containerPort(8080).build();
        String first = runtime.start(spec).id();
        String second = runtime.start(spec).id();
        InstanceAddress one = awaitReady(first);
        InstanceAddress two = awaitReady(second);

        assertThat(one.port()).isNotEqualTo(two.port());
        assertThat(get(one, "/cgi-bin/env")).contains("PORT=8080");
        assertThat(get(two, "/cgi-bin/env")).contains("PORT=8080");
        runtime.stop(first).join();
        runtime.stop(second).join();
    }

    @Test
    void stopSendsSigtermThroughTheInitAndWaitsForTheWorkloadWithinTheGrace() throws Exception {
        String script = "trap 'echo got TERM; sleep 1; echo bye; exit 0' TERM; httpd -f -p $PORT -h /www & "
                + "echo serving; wait; wait";
        String id = runtime.start(busybox("polite-00001").command("sh", "-c", script)
                .terminationGracePeriod(Duration.ofSeconds(20)).build()).id();
        awaitReady(id);
        await().atMost(SETTLE).until(() -> lines(id).contains("serving"));

        Instant asked = Instant.now();
        Instance stopped = runtime.stop(id).join();
        Duration took = Duration.between(asked, Instant.now());

        assertThat(stopped.state()).isInstanceOf(InstanceState.Stopped.class);
        assertThat(lines(id)).contains("got TERM", "bye");
        assertThat(took).as("the trap's 1 s, not the 20 s grace").isGreaterThan(Duration.ofMillis(900))
                .isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aWorkloadIgnoringSigtermIsKilledAfterTheGrace() {
        String script = "trap 'echo ignoring TERM' TERM; httpd -f -p $PORT -h /www & echo serving; "
                + "while true; do wait; done";
        String id = runtime.start(busybox("stubborn-00001").command("sh", "-c", script)
                .terminationGracePeriod(Duration.ofSeconds(2)).build()).id();
        awaitReady(id);
        await().atMost(SETTLE).until(() -> lines(id).contains("serving"));

        Instant asked = Instant.now();
        runtime.stop(id).join();
        Duration took = Duration.between(asked, Instant.now());

        assertThat(lines(id)).contains("ignoring TERM");
        assertThat(took).as("killed after the 2 s grace").isGreaterThan(Duration.ofMillis(1900))
                .isLessThan(Duration.ofSeconds(12));
    }

    @Test
    void aCrashingContainerIsInCrashLoopBackOffWithItsLastLogLines() {
        String id = runtime.start(busybox("crash-00001").command("sh", "-c", "echo starting up; echo "
                + "\"cannot open database\" >&2; exit 3").build()).id();

        InstanceState.CrashLoopBackOff crash = await().atMost(SETTLE).until(() -> runtime.instance(id).orElseThrow()
                .state(), s -> s instanceof InstanceState.CrashLoopBackOff c && c.restarts() >= 2)
                instanceof InstanceState.CrashLoopBackOff c ? c : null;

        Termination last = crash.lastTermination();
        assertThat(last.exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(last.lastLogLines()).contains("starting up", "cannot open database");
        assertThat(last.message()).contains("the container exited (exit code 3)", "cannot open database");
        assertThat(last.oomKilled()).isFalse();
        assertThat(runtime.logs(id).orElseThrow().previousRun()).extracting(LogLine::text)
                .as("the previous run's own lines").containsExactlyInAnyOrder("starting up", "cannot open database");
        runtime.stop(id).join();
        Path logDir = stateDir.resolve("logs").resolve(id);
        assertThat(runtime.stoppedLogs()).extracting(StoppedLog::instanceId).contains(id);
        assertThat(logDir.resolve("output.log")).exists();
    }

    @Test
    void aContainerOverItsMemoryLimitIsOomKilled() {
        WorkloadLimits limits = new WorkloadLimits(OptionalLong.of(64L << 20), OptionalLong.empty());
        String id = runtime.start(busybox("hog-00001").limits(limits).command("sh", "-c",
                "echo allocating; exec dd if=/dev/zero of=/dev/null bs=256M count=1").build()).id();

        InstanceState state = await().atMost(SETTLE).until(() -> runtime.instance(id).orElseThrow().state(),
                s -> s instanceof InstanceState.CrashLoopBackOff);

        Termination last = ((InstanceState.CrashLoopBackOff) state).lastTermination();
        assertThat(last.oomKilled()).isTrue();
        assertThat(last.exitCode()).isEqualTo(OptionalInt.of(137));
        assertThat(last.reason()).startsWith("OOMKilled");
        assertThat(last.lastLogLines()).contains("allocating");
        assertThat(runtime.limitsInForce(limits)).hasValueSatisfying(text -> assertThat(text)
                .contains("memory cgroup"));
        runtime.stop(id).join();
    }

    @Test
    void failingLivenessRestartsTheContainer() {
        ProbeSpec liveness = new ProbeSpec(new Probe.HttpGet("/healthz", 0), Duration.ZERO, Duration.ofMillis(300),
                Duration.ofSeconds(1), 2);
        String id = runtime.start(busybox("sick-00001").command("sh", "-c", HTTPD).liveness(liveness).build()).id();

        Instance restarted = await().atMost(SETTLE).until(() -> runtime.instance(id).orElseThrow(),
                i -> i.restarts() >= 1);

        Termination last = restarted.lastTermination().orElseThrow();
        assertThat(last.reason()).contains("liveness probe failed 2 times", "/healthz", "statuscode: 404");
        runtime.stop(id).join();
    }

    @Test
    void aMissingImageFailsNamingTheImage() {
        String image = "dev.local/kumo-it-missing:" + stateDir.getFileName();
        String id = runtime.start(WorkloadSpec.image(RevisionRef.ofService("default", "gone", "gone-00001"), image)
                .build()).id();

        InstanceState state = await().atMost(SETTLE).until(() -> runtime.instance(id).orElseThrow().state(),
                InstanceState::terminal);

        assertThat(state).isInstanceOf(InstanceState.Failed.class);
        assertThat(((InstanceState.Failed) state).termination().reason()).contains("ErrImagePull", image,
                "pulling it failed");
        runtime.stop(id).join();
    }

    @Test
    void runAsNonRootIsRefusedForAnImageThatRunsAsRootAndHonouredWithAUser() throws Exception {
        String refused = runtime.start(busybox("rooted-00001")
                .runAs(new RunAsSpec(OptionalLong.empty(), OptionalLong.empty(), true)).build()).id();
        InstanceState state = await().atMost(SETTLE).until(() -> runtime.instance(refused).orElseThrow().state(),
                InstanceState::terminal);
        assertThat(((InstanceState.Failed) state).termination().reason())
                .contains("runAsNonRoot", "will run as root", "runAsUser");
        runtime.stop(refused).join();

        String nonRoot = runtime.start(busybox("nobody-00001")
                .runAs(new RunAsSpec(OptionalLong.of(65534), OptionalLong.of(65534), true)).build()).id();
        assertThat(get(awaitReady(nonRoot), "/cgi-bin/env")).contains("PORT=8080");
        runtime.stop(nonRoot).join();
    }

    @Test
    void processWorkloadsAreRefusedWithAReason() {
        WorkloadSpec process = WorkloadSpec.process(RevisionRef.ofService("default", "p", "p-00001"))
                .command("python3", "-m", "http.server").build();
        assertThat(runtime.unsupported(process)).hasValueSatisfying(why -> assertThat(why)
                .contains("container runtime runs images", "process runtime"));
        assertThatThrownBy(() -> runtime.start(process)).isInstanceOf(UnsupportedWorkloadException.class);
        assertThat(runtime.unsupported(busybox("ok-00001").build())).isEmpty();
    }

    static ImageWorkload.Builder busybox(String revision) {
        String service = revision.substring(0, revision.lastIndexOf('-'));
        return WorkloadSpec.image(RevisionRef.ofService("default", service, revision), BusyboxImage.reference());
    }

    private static InstanceAddress awaitReady(String id) {
        return await().atMost(SETTLE).until(() -> runtime.instance(id).orElseThrow(),
                i -> i.state() instanceof InstanceState.Ready).address().orElseThrow();
    }

    private static List<String> lines(String id) {
        return runtime.logs(id).orElseThrow().tail(100).stream().map(LogLine::text).toList();
    }

    static String get(InstanceAddress address, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
