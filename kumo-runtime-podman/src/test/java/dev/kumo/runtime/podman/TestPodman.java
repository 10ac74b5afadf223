package dev.kumo.runtime.podman;

import dev.kumo.common.podman.ContainersConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The podman CLI for tests, with the containers.conf Kumo writes (rootful podman on this machine kind needs it):
 * to import fixture images and to look, by label, for what a test's runtime left. Skips where podman is missing,
 * except on CI.
 */
public final class TestPodman {

    private static final Path CONF = writeConf();

    private TestPodman() {
    }

    /** Whether podman is on PATH; on CI its absence fails the test instead of skipping it. */
    public static boolean present() {
        return PodmanService.onPath("podman").isPresent();
    }

    /** Skips the calling test, saying why, where podman is missing; never on CI, where that is a failure. */
    public static void assume() {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!present() && !ci) {
            System.out.println("skipped: podman is not installed on this machine (apt-get install podman runc "
                    + "catatonit)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present() || ci, "podman is not installed");
    }

    /** Runs {@code podman ARGS} with Kumo's containers.conf, stdin from {@code input} if given; returns stdout. */
    public static String run(Optional<Path> input, String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CONTAINERS_CONF", CONF.toString());
        input.ifPresent(file -> builder.redirectInput(file.toFile()));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("podman " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("running podman " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The names of the pods carrying the label {@code key=value}. */
    public static List<String> pods(String key, String value) {
        return lines(run(Optional.empty(), "pod", "ps", "--filter", "label=" + key + "=" + value, "--format",
                "{{.Name}}"));
    }

    /**
     * The names of the pods of the container runtime whose state directory is {@code stateDir} (a Kumo server's
     * {@code DATA_DIR/instances/container}): what one server made, apart from every other Kumo on the host.
     */
    public static List<String> podsOf(Path stateDir) {
        return pods(PodLabels.DATA_DIR_KEY, PodLabels.dataDirKey(stateDir));
    }

    /** The running workload containers of the container runtime whose state directory is {@code stateDir}. */
    public static List<String> runningOf(Path stateDir) {
        return running(PodLabels.DATA_DIR_KEY, PodLabels.dataDirKey(stateDir));
    }

    /** The warm pods of the container runtime whose state directory is {@code stateDir}. */
    public static List<String> warmPodsOf(Path stateDir) {
        return warmPods(PodLabels.DATA_DIR_KEY, PodLabels.dataDirKey(stateDir));
    }

    /** The names of the containers (running or not) carrying the label {@code key=value}. */
    public static List<String> containers(String key, String value) {
        return lines(run(Optional.empty(), "ps", "-a", "--filter", "label=" + key + "=" + value, "--format",
                "{{.Names}}"));
    }

    /**
     * The names of the running workload containers carrying the label {@code key=value}: not a pod's infra (which
     * carries the pod's labels), not a warm pod's workload container (created, not started).
     */
    public static List<String> running(String key, String value) {
        return lines(run(Optional.empty(), "ps", "--filter", "label=" + key + "=" + value, "--filter",
                "status=running", "--format", "{{.Names}}")).stream().filter(name -> !name.endsWith("-infra"))
                .toList();
    }

    /**
     * The names of the warm pods carrying the label {@code key=value}: made by the warm pool and not taken (infra
     * running, workload container created: podman calls the pod Degraded).
     */
    public static List<String> warmPods(String key, String value) {
        List<String> warm = pods("dev.kumo/role", "warm");
        return lines(run(Optional.empty(), "pod", "ps", "--filter", "label=" + key + "=" + value, "--format",
                "{{.Name}} {{.Status}}")).stream().filter(line -> line.endsWith(" Degraded"))
                .map(line -> line.substring(0, line.indexOf(' '))).filter(warm::contains).toList();
    }

    /** The {@code name state} of each container (running or not) carrying the label {@code key=value}. */
    public static List<String> containerStates(String key, String value) {
        return lines(run(Optional.empty(), "ps", "-a", "--filter", "label=" + key + "=" + value, "--format",
                "{{.Names}} {{.State}}"));
    }

    /** Removes the pods and containers carrying the label: a test's cleanup of what it made, and only that. */
    public static void removeLabelled(String key, String value) {
        for (String pod : pods(key, value)) {
            run(Optional.empty(), "pod", "rm", "-f", pod);
        }
        for (String container : containers(key, value)) {
            run(Optional.empty(), "rm", "-f", container);
        }
    }

    private static List<String> lines(String output) {
        return output.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static Path writeConf() {
        try {
            return ContainersConf.write(Files.createTempDirectory("kumo-test-podman"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
