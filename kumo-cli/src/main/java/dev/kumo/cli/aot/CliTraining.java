package dev.kumo.cli.aot;

import dev.kumo.cli.KumoCli;
import dev.kumo.cli.StartupProperties;
import dev.kumo.cli.session.CliEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the CLI's everyday calls against a stand-in API server on loopback, over TLS with a certificate made for the
 * run, so that the classes a real call loads (picocli's model of the command, the config files, the JDK's HTTP
 * client and TLS, Jackson, the table printer, the error report, the kubeconfig's YAML) are the ones the JVM records
 * in its cache; then the same calls over a data directory's {@code api.sock}, as this machine's server is reached
 * ({@link TrainingSocket}). The HTTPS stand-in runs in a JVM of its own ({@link TrainingServer}), so that only the
 * client's classes are recorded; both answer as {@link TrainingAnswers} says.
 * Only the everyday reads are trained ({@code version}, {@code list}, {@code get}, {@code describe}): every class in
 * the cache is loaded and linked at every start (~10 us each), so {@code -o yaml}'s Jackson databind and the write
 * verbs load theirs when used.
 */
public final class CliTraining {

    private static final String TOKEN = "training";

    private CliTraining() {
    }

    public static void main(String[] args) throws Exception {
        CliEnvironment.system(); // the environment as a call reads it: the process's variables copied
        StartupProperties.apply(); // as KumoCli.main does
        Path dir = Files.createTempDirectory("kumo-cli-training");
        Process server = startServer(dir);
        try {
            String url = "https://127.0.0.1:" + port(server);
            List<String> common = List.of("--server", url, "--certificate-authority", dir.resolve("ca.crt").toString(),
                    "--token", TOKEN);
            for (List<String> call : List.of(List.of("version"), List.of("service", "list"),
                    List.of("service", "describe", "absent"), List.of("get", "ksvc"), List.of("revision", "list"),
                    List.of("route", "list"), List.of("broker", "list"))) {
                List<String> line = new ArrayList<>(call);
                line.addAll(common);
                KumoCli.run(environment(dir), line.toArray(String[]::new));
            }
            // Without flags, as after `kumo kubeconfig --merge`: the kubeconfig's YAML parser is loaded too.
            writeKubeconfig(dir, url);
            for (List<String> call : List.of(List.of("version"), List.of("service", "list"))) {
                KumoCli.run(environment(dir), call.toArray(String[]::new));
            }
            // This machine's server as the CLI meets it most: its data directory names the kubeconfig's URL and
            // serves api.sock, so the calls go over the socket (the classes of that path, not TLS's).
            trainOnSocket(dir, url);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** {@link TrainingServer} in a JVM of its own, on this one's class path, without this one's JVM options. */
    private static Process startServer(Path dir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TrainingServer.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return builder.start();
    }

    /** The port the stand-in prints once it serves. */
    private static int port(Process server) throws IOException {
        String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (line == null) {
            throw new IllegalStateException("the training's HTTPS stand-in exited before serving");
        }
        return Integer.parseInt(line.strip());
    }

    /** The everyday calls over the default data directory's {@code api.sock}, with the kubeconfig and without. */
    private static void trainOnSocket(Path home, String url) throws IOException {
        Path data = Files.createDirectories(home.resolve(".local/share/kumo"));
        Files.writeString(data.resolve("api-url"), url + "\n");
        Files.writeString(data.resolve("token"), TOKEN + "\n");
        try (TrainingSocket socket = TrainingSocket.start(data.resolve("api.sock"), TrainingAnswers::answer)) {
            for (List<String> call : List.of(List.of("version"), List.of("service", "list"),
                    List.of("service", "describe", "absent"), List.of("get", "ksvc"), List.of("revision", "list"))) {
                KumoCli.run(environment(home), call.toArray(String[]::new));
            }
            Files.delete(home.resolve(".kube").resolve("config"));
            for (List<String> call : List.of(List.of("version"), List.of("service", "list"))) {
                KumoCli.run(environment(home), call.toArray(String[]::new));
            }
        }
    }

    /** {@code HOME/.kube/config} with one context: the stand-in, its CA file and the token. */
    private static void writeKubeconfig(Path home, String server) throws IOException {
        Path kube = Files.createDirectories(home.resolve(".kube"));
        Files.writeString(kube.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: training
                  cluster: {server: "%s", certificate-authority: "%s"}
                users:
                - name: training
                  user: {token: %s}
                contexts:
                - name: training
                  context: {cluster: training, user: training, namespace: default}
                current-context: training
                """.formatted(server, home.resolve("ca.crt"), TOKEN));
    }

    /** Discarded output, and of this process's variables only {@code PATH} (where plugins are looked for). */
    private static CliEnvironment environment(Path home) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return new CliEnvironment(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin")), home, InputStream.nullInputStream(), discard, discard,
                InstantSource.system(), false);
    }
}
