package dev.kumo.bench;

import dev.kumo.runtime.podman.PodmanClient;
import dev.kumo.runtime.podman.PodmanRuntime;
import dev.kumo.runtime.podman.PodmanService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The container rows' podman side: one {@code podman system service} started as Kumo starts its own (Kumo's
 * containers.conf), which the Kumo under test is given ({@code --podman-socket}) and the baselines use too. The
 * baselines: {@code POST /containers/{id}/start} of a container created ahead in a running pod with its port
 * published on 127.0.0.1 (a warm pod as the issue defines it; Kumo's pool also initialises its container ahead),
 * and {@code podman run -d -p 127.0.0.1:PORT:8080} (the CLI, with the same containers.conf); each timed to its first
 * 200 on the loopback port, polled every millisecond. Whatever the baselines make carries
 * {@code dev.kumo.bench/run=RUN} and is removed by it; Kumo's pods carry its data directory's key, by which
 * {@link #close} removes whatever the server left.
 */
final class PodmanBaselines implements AutoCloseable {

    static final String RUN_LABEL = "dev.kumo.bench/run";
    static final String KUMO_LABEL = "dev.kumo/data-dir-key";
    private static final int CONTAINER_PORT = 8080;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final long POLL_NANOS = 1_000_000;
    private static final long LEFT_OUT = Long.MIN_VALUE;
    /** A warm pod's workload container: created, and initialised by Kumo's pool ahead of its start. */
    private static final List<String> WARM_STATES = List.of("created", "initialized");

    private final PodmanService service;
    private final PodmanClient podman;
    private final Path conf;
    private final String run = UUID.randomUUID().toString();
    private final String kumoKey;
    private boolean closed;

    private PodmanBaselines(PodmanService service, PodmanClient podman, Path dir, Path kumoDataDir) {
        this.service = service;
        this.podman = podman;
        this.conf = dir.resolve("containers.conf");
        this.kumoKey = PodmanRuntime.dataDirKey(kumoDataDir.resolve("instances").resolve("container"));
    }

    /** Starts podman's service with its files under {@code dir}, for a Kumo whose data directory is given. */
    static PodmanBaselines start(Path dir, Path kumoDataDir) {
        PodmanService service = PodmanService.of(Optional.empty(), dir);
        PodmanClient client = service.client().join();
        return new PodmanBaselines(service, client, dir, kumoDataDir);
    }

    /** Whether podman is installed here. */
    static boolean available() {
        return PodmanService.of(Optional.empty(), Path.of(".")).unavailable().isEmpty();
    }

    /** The socket of the service: {@code kumo server --podman-socket}. */
    Path socket() {
        return podman.socket();
    }

    /** The label value of this run's baselines. */
    String run() {
        return run;
    }

    /** The label of the Kumo under test's pods and containers, {@code dev.kumo/data-dir-key=KEY}. */
    String kumoLabel() {
        return KUMO_LABEL + "=" + kumoKey;
    }

    /** Podman's start of a container created ahead in a running pod (the pod and container made untimed). */
    ColdStartVariant.Baseline precreatedStart(String image) {
        return baseline("podman start of a pre-created container → 200 (API)", count -> {
            List<String> pods = new ArrayList<>();
            try {
                List<Integer> ports = new ArrayList<>();
                List<String> containers = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String pod = "kumo-bench-" + UUID.randomUUID().toString().substring(0, 13);
                    podman.createPod(pod(pod)).join();
                    pods.add(pod);
                    podman.startPod(pod).join();
                    containers.add(podman.createContainer(container(pod, image)).join());
                    ports.add(hostPort(pod));
                }
                long[] begun = new long[count];
                List<CompletableFuture<Void>> starts = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    begun[i] = System.nanoTime();
                    starts.add(podman.startContainer(containers.get(i)));
                }
                List<DirectStart.Start> answered = firstResponses(ports, begun, i -> Optional.empty());
                CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
                return answered;
            } finally {
                CompletableFuture.allOf(pods.stream().map(podman::deletePod).toArray(CompletableFuture[]::new))
                        .join();
            }
        });
    }

    /** {@code podman run -d} of the image with its port published on loopback, by the CLI. */
    ColdStartVariant.Baseline run(String image) {
        return baseline("podman run -d -p 127.0.0.1:PORT:8080 → 200 (CLI)", count -> {
            List<Process> cli = new ArrayList<>();
            try {
                List<Integer> ports = new ArrayList<>();
                long[] begun = new long[count];
                for (int i = 0; i < count; i++) {
                    ports.add(DirectStart.freePort());
                    ProcessBuilder builder = new ProcessBuilder("podman", "run", "-d", "--pull=never", "--label",
                            RUN_LABEL + "=" + run, "-p", "127.0.0.1:" + ports.get(i) + ":" + CONTAINER_PORT, image)
                            .redirectErrorStream(true);
                    builder.environment().put("CONTAINERS_CONF", conf.toString());
                    begun[i] = System.nanoTime();
                    cli.add(builder.start());
                }
                return firstResponses(ports, begun, i -> failed(cli.get(i)));
            } finally {
                for (Process process : cli) {
                    process.waitFor(60, TimeUnit.SECONDS);
                }
                removeRun();
            }
        });
    }

    /** Why {@code podman run} failed if it exited with an error (its output), else empty. */
    private static Optional<String> failed(Process cli) {
        if (cli.isAlive() || cli.exitValue() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of("podman run exited with " + cli.exitValue() + ": "
                    + new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.of("podman run exited with " + cli.exitValue());
        }
    }

    /**
     * Waits until each Revision (of the Kumo under test) has a warm pod: its workload container created (and
     * initialised) and not started, the pod's infra running. The pool hands a pod out once podman answered it (a few
     * milliseconds after the state shows): a short settle covers it.
     */
    void awaitWarmPods(List<String> revisions) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (String revision : revisions) {
            Map<String, String> labels = Map.of(KUMO_LABEL, kumoKey, "dev.kumo/revision", revision,
                    "dev.kumo/role", "warm");
            while (!warm(labels)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no warm pod of " + revision + " within " + TIMEOUT);
                }
                Thread.sleep(20);
            }
        }
        Thread.sleep(200);
    }

    private boolean warm(Map<String, String> labels) {
        boolean created = podman.listContainers(labels).join().stream()
                .anyMatch(container -> WARM_STATES.contains(container.getString("State")));
        boolean podUp = podman.listPods(labels).join().stream()
                .anyMatch(pod -> List.of("Degraded", "Running").contains(pod.getString("Status")));
        return created && podUp;
    }

    /** Removes what this run's baselines and the Kumo under test left, then stops the service. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            removeRun();
            removeLabelled(Map.of(KUMO_LABEL, kumoKey));
        } finally {
            service.close();
        }
    }

    private void removeRun() {
        removeLabelled(Map.of(RUN_LABEL, run));
    }

    private void removeLabelled(Map<String, String> labels) {
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        podman.listPods(labels).join().forEach(pod -> removals.add(podman.deletePod(pod.getString("Name"))));
        CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).join();
        removals.clear();
        podman.listContainers(labels).join().forEach(container -> removals.add(
                podman.deleteContainer(container.getString("Id"))));
        CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).join();
    }

    private JsonObject pod(String name) {
        return new JsonObject().put("name", name).put("labels", new JsonObject().put(RUN_LABEL, run))
                .put("netns", new JsonObject().put("nsmode", "bridge")).put("portmappings", new JsonArray().add(
                        new JsonObject().put("host_ip", "127.0.0.1").put("container_port", CONTAINER_PORT)
                                .put("host_port", 0).put("protocol", "tcp")));
    }

    // As Kumo's workload container: in the pod, under an init, PORT set.
    private JsonObject container(String pod, String image) {
        return new JsonObject().put("name", pod + "-1").put("pod", pod).put("image", image).put("init", true)
                .put("labels", new JsonObject().put(RUN_LABEL, run))
                .put("env", new JsonObject().put("PORT", Integer.toString(CONTAINER_PORT)));
    }

    private int hostPort(String pod) {
        JsonArray bound = podman.inspectPod(pod).join().getJsonObject("InfraConfig", new JsonObject())
                .getJsonObject("PortBindings", new JsonObject()).getJsonArray(CONTAINER_PORT + "/tcp");
        return Integer.parseInt(bound.getJsonObject(0).getString("HostPort"));
    }

    /**
     * For each port, the time from {@code begun} to its first 200 to GET /, polled every millisecond; a start that
     * {@code failure} says cannot answer is left out, with why on stderr (the row's n shows it).
     */
    private static List<DirectStart.Start> firstResponses(List<Integer> ports, long[] begun,
            IntFunction<Optional<String>> failure) {
        long[] answered = new long[ports.size()];
        int pending = ports.size();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (pending > 0) {
            for (int i = 0; i < ports.size(); i++) {
                if (answered[i] == 0 && DirectStart.answers200(ports.get(i))) {
                    answered[i] = System.nanoTime();
                    pending--;
                } else if (answered[i] == 0) {
                    Optional<String> why = failure.apply(i);
                    if (why.isPresent()) {
                        System.err.println("bench-coldstart: a start left out: " + why.get());
                        answered[i] = LEFT_OUT;
                        pending--;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a container did not answer 200 within " + TIMEOUT);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        List<DirectStart.Start> starts = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            if (answered[i] != LEFT_OUT) {
                starts.add(new DirectStart.Start(answered[i] - begun[i], answered[i] - begun[i]));
            }
        }
        return starts;
    }

    private static ColdStartVariant.Baseline baseline(String label, Starts starts) {
        return new ColdStartVariant.Baseline() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public List<DirectStart.Start> startTogether(int count) throws Exception {
                return starts.together(count);
            }
        };
    }

    private interface Starts {
        List<DirectStart.Start> together(int count) throws IOException, InterruptedException;
    }
}
